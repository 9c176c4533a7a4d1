import { describe, expect, it } from 'vitest';
import {
  cover,
  coveredTerms,
  findRanges,
  kindWeight,
  markText,
  matchTerm,
  numberForms,
  pageKind,
  planQuery,
  rankPages,
  standsAlone,
  relaxedNote,
  withHighlight,
  type Candidate,
  type QueryPlan,
} from './search-plan';

const groups = [
  ['押金', '预付金'],
  ['叫早', '叫醒'],
  ['三下', '三声'],
  ['结帐单', '账单'],
];
const texts = (plan: QueryPlan) => plan.terms.map((t) => (t.stop ? `(${t.text})` : t.text));

describe('planQuery', () => {
  it('keeps question words and filler as optional terms that never sink a query', () => {
    const plan = planQuery('客人押金退还怎么办', groups);
    expect(texts(plan)).toEqual(['客人', '押金', '退还', '(怎么)', '(办)']);
    // The strict search holds only the words that carry meaning.
    expect(plan.searches[0]).toBe('客人 押金 退还');
    expect(plan.searches).toEqual(expect.arrayContaining(['客人', '押金', '预付金', '退还']));
  });

  it('joins runs of single characters ICU did not know (楼|盘, 认|购|书|范|本)', () => {
    expect(texts(planQuery('楼盘规划图'))).toEqual(['楼盘', '规划图']);
    expect(texts(planQuery('认购书范本'))).toEqual(['认购书范本']);
    // A character right after a word is taken as its suffix.
    expect(texts(planQuery('保密房'))).toEqual(['保密房']);
    expect(planQuery('保密房').terms[0]!.parts).toEqual(['保密', '房']);
  });

  it('also searches the first ICU piece of a term, which always starts an indexed word', () => {
    // 认购书范本 is split by Pagefind into 认 购 书 范 本; 认 starts 认购书范本 as jieba indexed it.
    expect(planQuery('认购书范本').searches).toEqual(['认购书范本', '认']);
  });

  it('takes synonym words whole before segmenting, and adds their group', () => {
    const plan = planQuery('团队客人什么时候叫醒', groups);
    const wake = plan.terms.find((t) => t.text === '叫醒')!;
    expect(wake.alternatives).toEqual(['叫早']);
    expect(plan.terms.find((t) => t.text === '什么时候')?.stop).toBe(true);
  });

  it('gives numbers in words and digits, and their synonyms', () => {
    const plan = planQuery('3声', groups);
    expect(plan.terms[0]!.alternatives).toEqual(expect.arrayContaining(['三声', '三下']));
  });

  it('searches a query of filler alone rather than nothing', () => {
    const plan = planQuery('是否');
    expect(plan.terms.every((t) => !t.stop)).toBe(true);
    expect(plan.searches).toContain('是否');
  });

  it('stays bounded on a long query', () => {
    const plan = planQuery('客人 押金 叫醒 结帐单 三声 楼盘 规划图 户型图 价格表 计算器 认购书', groups);
    expect(plan.searches.length).toBeLessThanOrEqual(20);
  });
});

describe('numberForms', () => {
  it('turns small numbers into words and back', () => {
    expect(numberForms('2天')).toEqual(expect.arrayContaining(['二天', '两天']));
    expect(numberForms('两天')).toEqual(expect.arrayContaining(['2天', '二天']));
    expect(numberForms('三下')).toEqual(['3下']);
  });

  it('leaves large numbers and words that only start with 一 alone', () => {
    expect(numberForms('300元')).toEqual([]);
    expect(numberForms('一式')).toEqual([]);
  });
});

describe('matchTerm and cover', () => {
  const [deposit] = planQuery('押金', groups).terms;
  it('matches a term inside a longer word, as a substring', () => {
    expect(matchTerm('已与团体陪同人员确认押金收取情况', deposit!).strength).toBe(1);
    expect(matchTerm('收取预付金', deposit!)).toEqual({ strength: 0.8, found: ['预付金'] });
    expect(matchTerm('房卡', deposit!).strength).toBe(0);
  });

  it('ignores spaces between digits and words (提前 2 天 = 提前两天)', () => {
    const plan = planQuery('提前两天');
    expect(cover('必须提前 2 天通知总经办', plan, () => 1).all).toBe(true);
  });

  it('credits the words of a compound that is not there whole', () => {
    const [term] = planQuery('保密房').terms;
    expect(matchTerm('免查、保密的房间', term!).strength).toBeCloseTo(0.8 * (2 / 3));
  });

  it('credits part of a run it could not split', () => {
    const [run] = planQuery('查住客').terms;
    expect(matchTerm('访客查询住客信息', run!).strength).toBeGreaterThan(0);
    expect(matchTerm('访客查询住客信息', run!).strength).toBeLessThan(0.8);
  });

  it('does not highlight filler', () => {
    const plan = planQuery('押金怎么办', groups);
    expect(cover('押金怎么办理', plan, () => 1).found).toEqual(['押金']);
  });
});

// Pagefind always returns a place for a hit, at least the top of the page.
const candidate = (url: string, title: string, content: string, places?: Candidate['places']): Candidate => ({
  id: url,
  url,
  title,
  content,
  places: places ?? [{ url, title, text: content }],
  pagefindScore: 1,
});

describe('rankPages', () => {
  it('relaxes a query no page holds whole, ranking pages that hold more of it first', () => {
    const plan = planQuery('客人押金退还怎么办', groups);
    const { ranked, relaxed } = rankPages(plan, [
      candidate('/procedures/a/', '散客入住', '客人到店,收取押金并发放房卡'),
      candidate('/procedures/b/', '换房', '换房时差价是否退还原文未写'),
      candidate('/procedures/c/', '团队入住', '确认押金'),
    ]);
    expect(relaxed).toBe(true);
    expect(ranked[0]!.candidate.url).toBe('/procedures/a/');
    expect(coveredTerms(ranked, plan)).toEqual(['客人', '押金', '退还']);
    expect(relaxedNote(['押金', '客人'])).toBe('没有同时包含全部词语的结果,以下结果包含:押金、客人');
  });

  it('keeps only pages holding every word when some do, unless another comes close', () => {
    const plan = planQuery('sop hotel');
    const { ranked, relaxed } = rankPages(plan, [
      candidate('/procedures/h1/', '换房', 'SOP-HOTEL-02'),
      candidate('/procedures/h2/', '预订', 'SOP-HOTEL-03'),
      ...['s1', 's2', 's3', 's4', 's5', 's6'].map((id) => candidate(`/procedures/${id}/`, id, 'SOP-SPA-01')),
    ]);
    expect(relaxed).toBe(false);
    expect(ranked.map((r) => r.candidate.url).sort()).toEqual(['/procedures/h1/', '/procedures/h2/']);
  });

  it('puts a procedure before the glossary, role pages and paths that repeat it', () => {
    const plan = planQuery('手牌');
    const text = '迎宾到前台取手牌';
    const { ranked } = rankPages(
      plan,
      [
        candidate('/glossary/', '术语表', text, [{ url: '/glossary/#term-x', title: '鞋吧', text, anchor: 'term-x' }]),
        candidate('/roles/greeter/', '迎宾', text),
        candidate('/paths/spa/', '学习路径', text),
        candidate('/procedures/spa/lobby/', '前厅', text),
      ],
      '/',
    );
    expect(ranked[0]!.candidate.url).toBe('/procedures/spa/lobby/');
    expect(ranked.at(-1)!.candidate.url).toBe('/glossary/');
  });

  it('ranks the glossary high for a term it defines', () => {
    const plan = planQuery('保密房');
    const { ranked } = rankPages(plan, [
      candidate('/glossary/', '术语表', '保密房 不透露住客信息', [{ url: '/glossary/#term-p', title: '免查房/保密房(免查房、保密房)', text: '不透露', anchor: 'term-p' }]),
      candidate('/roles/r/', '前台接待员', '保密房 不透露住客信息'),
    ]);
    expect(ranked[0]!.candidate.url).toBe('/glossary/');
  });

  it('opens at the step where the thing happens, not at a note about it or a summary', () => {
    const plan = planQuery('鞋子护理');
    const places = [
      { url: '/p/#flags-title', title: '待确认与原文缺失', text: '本页排在鞋子护理之后', anchor: 'flags-title' },
      { url: '/p/#要点', title: '要点', text: '带到鞋吧换鞋与护理鞋子,鞋子护理要签单', anchor: '要点' },
      { url: '/p/#step-ask-shoe-care', title: '第 9 步:客人的鞋是否需要护理?', text: '请问您的鞋子需要护理吗?', anchor: 'step-ask-shoe-care' },
    ];
    const { ranked } = rankPages(plan, [candidate('/procedures/p/', '前厅迎宾与鞋吧服务流程', places.map((p) => p.text).join(' '), places)]);
    expect(ranked[0]!.place?.anchor).toBe('step-ask-shoe-care');
    expect(ranked[0]!.others.map((p) => p.anchor)).not.toContain(undefined);
  });

  it('prefers the step whose title holds the word', () => {
    const plan = planQuery('总经办');
    const places = [
      { url: '/p/#step-ask', title: '第 7 步:是否需要总裁参加?', text: '如需要总裁参加,必须提前2天通知总经办。', anchor: 'step-ask' },
      { url: '/p/#step-notify', title: '第 8 步:提前2天通知总经办', text: '必须提前2天通知总经办,以便确认。', anchor: 'step-notify' },
    ];
    const { ranked } = rankPages(plan, [candidate('/procedures/p/', '对外接待', places.map((p) => p.text).join(' '), places)]);
    expect(ranked[0]!.place?.anchor).toBe('step-notify');
  });

  it('opens at the step named for just what was typed, before a step that mentions it', () => {
    const places = [
      { url: '/p/#step-ask-gift', title: '第 7 步:是否需要准备礼品?', text: '询问是否需要准备礼品。', anchor: 'step-ask-gift' },
      { url: '/p/#step-prepare-gift', title: '第 8 步:准备礼品', text: '按来访人数准备礼品。', anchor: 'step-prepare-gift' },
    ];
    const { ranked } = rankPages(planQuery('准备礼品'), [candidate('/procedures/p/', '销售来访接待', places.map((p) => p.text).join(' '), places)]);
    expect(ranked[0]!.place?.anchor).toBe('step-prepare-gift');
  });

  it('opens where a single character stands alone, not inside a longer word', () => {
    const places = [
      { url: '/p/#step-pass-exams', title: '第 3 步:须通过笔试和口试合格', text: '须通过笔试和口试合格,准予上岗。', anchor: 'step-pass-exams' },
      { url: '/p/#checklist-folder', title: '检查表:资料夹', text: '资料夹. 计算器. 笔. 工卡', anchor: 'checklist-folder' },
    ];
    const { ranked } = rankPages(planQuery('笔'), [candidate('/procedures/p/', '销售接待前期准备', places.map((p) => p.text).join(' '), places)]);
    expect(ranked[0]!.place?.anchor).toBe('checklist-folder');
  });

  it('opens at the step named for just what was typed, also when the source labels its steps', () => {
    const places = [
      { url: '/p/#step-ask-gift', title: '第 7 步:是否需要准备礼品?(原文 1.6)', text: '询问是否需要准备礼品。', anchor: 'step-ask-gift' },
      { url: '/p/#step-prepare-gift', title: '第 8 步:准备礼品(原文 1.7)', text: '按来访人数准备礼品。', anchor: 'step-prepare-gift' },
    ];
    const { ranked } = rankPages(planQuery('准备礼品'), [candidate('/procedures/p/', '销售来访接待', places.map((p) => p.text).join(' '), places)]);
    expect(ranked[0]!.place?.anchor).toBe('step-prepare-gift');
  });

  it('opens at the team’s standing roles for a role named there alone', () => {
    const places = [
      { url: '/p/#step-form-team', title: '第 15 步:成立接待小组(原文 1.5)', text: '组建接待小组。小组的三个角色(1.5.1 接待接口人、1.5.2 接待助理、1.5.3 接待负责人)', anchor: 'step-form-team' },
      { url: '/p/#standing-roles-title', title: '接待小组的三个角色', text: '1.5.1 接待接口人 统一受理来访需求 1.5.2 接待助理 制定接待计划、进行接待准备工作', anchor: 'standing-roles-title' },
    ];
    const { ranked } = rankPages(planQuery('接待助理', [['接待助理']]), [candidate('/procedures/p/', '对外接待', places.map((p) => p.text).join(' '), places)]);
    expect(ranked[0]!.place?.anchor).toBe('standing-roles-title');
  });

  it('counts a word found only in an editorial note for little', () => {
    const plan = planQuery('客人 押金 退还');
    const flag = { url: '/b/#flags-title', title: '待确认与原文缺失', text: '是否退还房价差额原文未写', anchor: 'flags-title' };
    const { ranked } = rankPages(plan, [
      candidate('/procedures/a/', '散客入住', '客人到店,收取押金', [{ url: '/a/#step-x', title: '收取押金', text: '客人到店,收取押金', anchor: 'step-x' }]),
      candidate('/procedures/b/', '换房', '客人要求换房 是否退还房价差额原文未写', [
        { url: '/b/#step-y', title: '客人要求换房', text: '客人要求换房', anchor: 'step-y' },
        flag,
      ]),
    ]);
    expect(ranked[0]!.candidate.url).toBe('/procedures/a/');
  });

  it('opens at the top when every word is in the title, and drops pages holding nothing', () => {
    const plan = planQuery('换房');
    const { ranked } = rankPages(plan, [
      candidate('/procedures/r/', '换房程序', '客人要求换房', [{ url: '/r/#step-a', title: '客人要求换房', text: '', anchor: 'step-a' }]),
      candidate('/procedures/x/', '预订', '查询房态'),
    ]);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.place).toBeUndefined();
  });
});

describe('findRanges, markText and withHighlight', () => {
  it('finds each word, longest first, never overlapping', () => {
    expect(findRanges('请出示结帐单和手牌', ['结帐', '结帐单', '手牌'])).toEqual([
      [3, 6],
      [7, 9],
    ]);
    expect(findRanges('SOP-Hotel', ['hotel'])).toEqual([[4, 9]]);
  });

  it('marks words in escaped text', () => {
    expect(markText('<b>押金</b>', ['押金'])).toBe('&lt;b&gt;<mark>押金</mark>&lt;/b&gt;');
  });

  it('puts the words before the anchor of a result address', () => {
    expect(withHighlight('/p/#step-a', ['押金', '房卡'])).toBe(
      `/p/?highlight=${encodeURIComponent('押金')}&highlight=${encodeURIComponent('房卡')}#step-a`,
    );
    expect(withHighlight('/p/', [])).toBe('/p/');
  });
});

describe('pageKind and kindWeight', () => {
  it('reads the kind of page from its address under the base', () => {
    expect(pageKind('/sop/procedures/hotel/x/', '/sop/')).toBe('procedure');
    expect(pageKind('/glossary/')).toBe('glossary');
    expect(pageKind('/roles/bellboy/')).toBe('role');
    expect(pageKind('/paths/spa/')).toBe('path');
    expect(kindWeight('glossary', true)).toBeGreaterThan(kindWeight('glossary'));
    expect(kindWeight('procedure')).toBeGreaterThan(kindWeight('glossary', true));
  });
});

describe('standsAlone', () => {
  it('tells an item of a list from the same characters inside a word', () => {
    expect(standsAlone('计算器 笔 工卡 资料夹', '笔')).toBe(true);
    expect(standsAlone('须通过笔试和口试合格', '笔')).toBe(false);
    expect(standsAlone('(1)资料夹里必要的销售资料', '资料夹里必要的销售资料')).toBe(true);
    expect(standsAlone('辅助销售资料. 项目讲习. 认购书', '项目讲习')).toBe(true);
    expect(standsAlone('依据 1.3.3 条', '1.3')).toBe(false);
  });
});
