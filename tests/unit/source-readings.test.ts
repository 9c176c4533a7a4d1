// How the content reads the source where the words alone do not settle it (issue 22): marks the
// source does not use, terms it keeps apart, and flow orders that must follow what happens.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ProcedureData } from '../../src/lib/procedure/schema';
import { glossaryTermSchema, roleSchema } from '../../src/lib/reference-schemas';
import { targetsOf } from '../../src/lib/procedure/graph';
import { CONTENT, listFiles, procedureFiles, readYamlList } from '../helpers/content-files';
import { loadProcedures } from '../helpers/procedures';

const procedures = new Map(loadProcedures().map((p) => [p.id, p.data] as const));
const get = (id: string): ProcedureData => procedures.get(id) ?? expect.fail(`no procedure ${id}`);

/** Step ids in the order a walk from the start meets them (depth first, branches in order). */
function pathOrder(data: ProcedureData): string[] {
  const byId = new Map(data.steps.map((s) => [s.id, s]));
  const seen: string[] = [];
  const visit = (id: string) => {
    if (seen.includes(id)) return;
    seen.push(id);
    targetsOf(byId.get(id)!).forEach(visit);
  };
  visit(data.steps.find((s) => s.kind === 'start')!.id);
  return seen;
}

/** Steps reachable from `from`, itself included. */
function reachable(data: ProcedureData, from: string): Set<string> {
  const byId = new Map(data.steps.map((s) => [s.id, s]));
  const found = new Set<string>();
  const visit = (id: string) => {
    if (found.has(id)) return;
    found.add(id);
    targetsOf(byId.get(id)!).forEach(visit);
  };
  visit(from);
  return found;
}

describe('marks the source does not use', () => {
  // The source puts ★ before its four guest-privacy rules and nowhere else.
  const RULE_STARTS = ['所有酒店住客的资料', '所有查询都必须', '免查、保密房', '职能部门查询'];
  // The handbook may name those rules, or the mark itself: 四条★规定, ★保密规定, ★ 标记.
  const NAMING = /^((住客信息)?保密)?规定|^标记/;

  it('★ only on those four rules, or where the handbook names them', () => {
    const files = [...procedureFiles(), ...listFiles(CONTENT, '.yaml')];
    const stray: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/★\s*/g)) {
        const after = text.slice(match.index + match[0].length, match.index + match[0].length + 12).split('\n')[0]!;
        if (!RULE_STARTS.some((start) => after.startsWith(start)) && !NAMING.test(after)) {
          stray.push(`${file.slice(CONTENT.length + 1)}: ★${after}`);
        }
      }
    }
    expect(stray).toEqual([]);
  });
});

describe('terms the source keeps apart', () => {
  it('a glossary alias is never a separate item of the same checklist as its term', () => {
    const terms = readYamlList('glossary.yaml').map((t) => glossaryTermSchema.parse(t));
    const merged: string[] = [];
    for (const [id, data] of procedures) {
      for (const checklist of data.checklists) {
        const items = new Set(checklist.items.map((i) => i.text.replace(/等$/, '')));
        for (const term of terms) {
          if (!items.has(term.term)) continue;
          for (const alias of term.aliases) if (items.has(alias)) merged.push(`${id} ${checklist.id}: ${term.term} / ${alias}`);
        }
      }
    }
    expect(merged).toEqual([]);
  });

  it('roles from different documents are not merged by an alias', () => {
    // 部门经理 (客户接待流程和标准) and 部门负责人 (公司对外接待管理规定): the source never says they are one.
    const roles = readYamlList('roles.yaml').map((r) => roleSchema.parse(r));
    const manager = roles.find((r) => r.name === '部门经理')!;
    expect(manager.aliases).not.toContain('部门负责人');
    expect(roles.some((r) => r.name === '前台接待员' && /结[账帐]/.test(r.description))).toBe(false);
  });
});

describe('words the source does not say', () => {
  it('steps keep the source’s word for who is asked and who is called', () => {
    const sales = get('corporate/sales-visit-reception');
    const text = sales.steps.map((s) => `${s.title}${s.detail ?? ''}`).join('\n');
    expect(text).not.toContain('向销售经理');
    // The clause keeps 阿姨; the handbook may say which role that is, beside it.
    expect(text).not.toContain('通知保洁阿姨');
    expect(text).toContain('通知阿姨打扫卫生');
    const lobby = get('spa/lobby-shoe-bar');
    expect(lobby.steps.find((s) => s.id === 'lead-to-shoe-bar')!.title).toBe('带客人到鞋吧,交给吧员,并告诉几位');
  });

  it('the room-change refusal says what is refused: a cheaper room, not any change', () => {
    const refuse = get('hotel/room-change').steps.find((s) => s.id === 'refuse-change')!;
    expect(refuse.title).toContain('低价房');
  });
});

describe('flows in the order things happen', () => {
  it('the shoe-bar attendant takes the 手牌 only once the greeter has fetched it', () => {
    const lobby = get('spa/lobby-shoe-bar');
    const text = (id: string) => {
      const s = lobby.steps.find((step) => step.id === id)!;
      return `${s.title}${s.detail ?? ''}${s.say.join('')}`;
    };
    const fetch = lobby.steps.find((s) => text(s.id).includes('到前台取手牌'))!;
    const receives = lobby.steps.filter((s) => text(s.id).includes('接过接待手牌'));
    expect(receives.length).toBeGreaterThan(0);
    for (const step of receives) expect(reachable(lobby, fetch.id).has(step.id), step.id).toBe(true);
  });

  it('the phone is picked up and greeted before the listening manner, with the source’s numbers shown', () => {
    const phone = get('property/phone-answering');
    const order = pathOrder(phone);
    const at = (id: string) => {
      const index = order.indexOf(id);
      expect(index, `${id} is on the walk from the start`).toBeGreaterThanOrEqual(0);
      return index;
    };
    expect(at('answer-within-three-rings')).toBeLessThan(at('listen-politely'));
    expect(at('greet-caller')).toBeLessThan(at('listen-politely'));
    // Every step quoting a numbered clause ("3、…") names that clause in its title.
    const quoting = phone.steps.flatMap((step) => {
      const clause = /^"?(\d+)、/.exec(step.detail ?? '')?.[1];
      return clause ? [{ step, clause }] : [];
    });
    expect(quoting.length, 'steps quoting a numbered clause').toBeGreaterThan(0);
    for (const { step, clause } of quoting) expect(step.title, step.id).toContain(`原文第 ${clause} 条`);
  });

  it('a team’s standing roles sit beside the flow, not chained as steps', () => {
    const rules = get('corporate/external-reception-rules');
    const standing = rules.standingRoles?.roles ?? [];
    expect(standing.map((r) => [r.ref, r.role])).toEqual([
      ['1.5.1', '接待接口人'],
      ['1.5.2', '接待助理'],
      ['1.5.3', '接待负责人'],
    ]);
    // No step restates a standing duty as one step of the flow.
    for (const step of rules.steps) {
      for (const { duty } of standing) expect(step.detail ?? '', step.id).not.toContain(duty.replace(/。$/, ''));
    }
    expect(rules.steps.some((s) => /^1\.5\.[12] /.test(s.title))).toBe(false);
  });
});
