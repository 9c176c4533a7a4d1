// Loaded with node --import into a build under test: every directory listing
// inside SOP_CONTENT_DIR comes back in reverse order (logged to
// SOP_READDIR_LOG), so a build that leaned on file-system order would differ.
import fs from 'node:fs';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const root = resolve(process.env.SOP_CONTENT_DIR ?? '.');
const inContent = (dir) => typeof dir === 'string' && resolve(dir).startsWith(root);
const note = (dir) => {
  if (process.env.SOP_READDIR_LOG) appendFileSync(process.env.SOP_READDIR_LOG, `${resolve(dir)}\n`);
};
const reversed = (dir, list) => {
  if (!inContent(dir) || !Array.isArray(list)) return list;
  note(dir);
  return [...list].reverse();
};

const readdirSync = fs.readdirSync;
fs.readdirSync = function (dir, options) {
  return reversed(dir, readdirSync.call(this, dir, options));
};
const readdir = fs.readdir;
fs.readdir = function (dir, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const wrapped = (error, list) => done(error, error ? list : reversed(dir, list));
  return typeof options === 'function' ? readdir.call(this, dir, wrapped) : readdir.call(this, dir, options, wrapped);
};
const readdirPromise = fs.promises.readdir;
fs.promises.readdir = async function (dir, options) {
  return reversed(dir, await readdirPromise.call(this, dir, options));
};
syncBuiltinESMExports();
