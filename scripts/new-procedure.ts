// npm run new -- <category> <title> [file-name]: writes a draft procedure with
// a valid start and end and a first change-log entry, then says what to fill in.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import yaml from 'js-yaml';
import { scaffoldProcedure } from '../src/lib/scaffold.ts';

const [category = '', title = '', slug] = process.argv.slice(2);
const content = (process.env.SOP_CONTENT_DIR?.trim() || 'content').replace(/\/+$/, '');
const list = (name: string) => yaml.load(readFileSync(join(content, name), 'utf8')) as Record<string, unknown>[];

const proceduresDir = join(content, 'procedures');
const existing = readdirSync(proceduresDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const text = readFileSync(join(proceduresDir, name), 'utf8');
    const data = (yaml.load(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') ?? {}) as Record<string, unknown>;
    return {
      id: name.replace(/\.mdx$/, ''),
      category: String(data.category ?? ''),
      code: String(data.code ?? ''),
      department: String(data.department ?? ''),
      roles: Array.isArray(data.roles) ? data.roles.map(String) : [],
    };
  });

try {
  const made = scaffoldProcedure({
    category,
    title,
    ...(slug ? { slug } : {}),
    existing,
    categories: list('categories.yaml').map((c) => ({ id: String(c.id), name: String(c.name) })),
    roles: list('roles.yaml').map((r) => String(r.name)),
    today: new Date(new Date().toISOString().slice(0, 10)),
  });
  const file = join(content, made.path);
  if (existsSync(file)) throw new Error(`${file} 已存在。修正:换一个文件名(第三个参数)。`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, made.text);
  console.log(`已新建 ${relative(process.cwd(), file)}(${made.code},草稿)。`);
  console.log('接下来:填写 summary、source 和步骤(去掉 template: true),然后 npm run check:content。');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
