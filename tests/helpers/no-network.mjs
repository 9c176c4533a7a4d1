// Loaded with node --import into a build under test: any attempt to resolve a
// host name or open a TCP connection beyond this machine is refused and
// written to SOP_NETWORK_LOG, so a test can prove the build needs no network.
import dns from 'node:dns';
import net from 'node:net';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const LOCAL = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '']);
const record = (what) => {
  if (process.env.SOP_NETWORK_LOG) appendFileSync(process.env.SOP_NETWORK_LOG, `${process.pid} ${what}\n`);
};
const refused = (what) => Object.assign(new Error(`network use refused during the build: ${what}`), { code: 'ENETUNREACH' });

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: args[1] };
  // Unix sockets and pipes (esbuild, Chromium over CDP pipe) stay local.
  if (!options.path && !LOCAL.has(String(options.host ?? ''))) {
    const what = `connect ${options.host}:${options.port}`;
    record(what);
    process.nextTick(() => this.destroy(refused(what)));
    return this;
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (!LOCAL.has(hostname)) {
    record(`lookup ${hostname}`);
    process.nextTick(() => done(refused(`lookup ${hostname}`)));
    return {};
  }
  return lookup.call(this, hostname, options, callback);
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = async function (hostname, options) {
  if (!LOCAL.has(hostname)) {
    record(`lookup ${hostname}`);
    throw refused(`lookup ${hostname}`);
  }
  return lookupPromise.call(this, hostname, options);
};
syncBuiltinESMExports();
