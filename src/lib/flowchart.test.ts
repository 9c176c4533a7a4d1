import { describe, expect, it } from 'vitest';
import { escapeLabel, nodeIdFor, partToMermaid, toMermaid, wrapLabel, type ChartStep } from './flowchart';
import { STEP_ID_PATTERN } from './procedure/schema';

const steps: ChartStep[] = [
  { id: 'guest-arrives', kind: 'start', title: '客人到达', next: 'paid', branches: [] },
  {
    id: 'paid',
    kind: 'decision',
    title: '您好,请问您结账了吗?',
    branches: [
      { label: '已结账', to: 'fetch-shoes' },
      { label: '未结账', to: 'pay' },
    ],
  },
  { id: 'pay', kind: 'task', title: '请您来这边结帐', next: 'fetch-shoes', branches: [] },
  { id: 'fetch-shoes', kind: 'task', title: '按单取鞋', next: 'bye', branches: [] },
  { id: 'bye', kind: 'end', title: '客人离店', branches: [] },
];

describe('toMermaid', () => {
  it('draws each kind with its own shape and labels branch edges', () => {
    expect(toMermaid(steps)).toBe(
      [
        'flowchart TD',
        '  s_guest_arrives("客人到达")',
        '  s_paid{"您好,请问您结账了吗?"}',
        '  s_pay["请您来这边结帐"]',
        '  s_fetch_shoes["按单取鞋"]',
        '  s_bye("客人离店")',
        '  s_guest_arrives --> s_paid',
        '  s_paid -->|"已结账"| s_fetch_shoes',
        '  s_paid -->|"未结账"| s_pay',
        '  s_pay --> s_fetch_shoes',
        '  s_fetch_shoes --> s_bye',
        '  class s_guest_arrives kind-start',
        '  class s_pay,s_fetch_shoes kind-task',
        '  class s_paid kind-decision',
        '  class s_bye kind-end',
        '',
      ].join('\n'),
    );
  });

  it('is deterministic', () => {
    expect(toMermaid(steps)).toBe(toMermaid(structuredClone(steps)));
  });
});

describe('node ids', () => {
  it('derive from step ids and map back as chart-decorate.ts reads them', () => {
    expect(nodeIdFor('check-shoes-2')).toBe('s_check_shoes_2');
    // chart-decorate.ts is injected as source text, so it reads node ids back on its own: "_" → "-".
    for (const id of ['check-shoes-2', 'greet', 'a1-b2-c3']) expect(nodeIdFor(id).slice(2).replace(/_/g, '-')).toBe(id);
    // That is one-to-one only because step ids never hold "_".
    expect(STEP_ID_PATTERN.test('check_shoes')).toBe(false);
  });
});

describe('escapeLabel', () => {
  it('turns every character Mermaid or HTML would read into an entity', () => {
    expect(escapeLabel('"引号" [括号] (圆) {花} #号; <b>&amp; a|b `x` 50% a=b: c\\d')).toBe(
      '#34;引号#34; #91;括号#93; #40;圆#41; #123;花#125; #35;号#59; #60;b#62;#38;amp#59; a#124;b #96;x#96; 50#37; a#61;b#58; c#92;d',
    );
  });

  it('keeps Chinese, full-width punctuation and emoji as they are', () => {
    expect(escapeLabel('您好,欢迎光临!🙂「请」')).toBe('您好,欢迎光临!🙂「请」');
  });

  it('turns line breaks into <br> and trims', () => {
    expect(escapeLabel('  第一行\r\n第二行\n ')).toBe('第一行<br>第二行');
  });

  it('leaves no raw quote or bracket that could end a label', () => {
    const hostile = '"]); click s_a call alert(1) %%{init: {"securityLevel":"loose"}}%% <script>x</script>';
    const withoutEntities = escapeLabel(hostile).replace(/#\d+;/g, '');
    expect(withoutEntities).toBe(' click s_a call alert1 init securityLevelloose scriptx/script');
    expect(withoutEntities).not.toMatch(/["<>[\](){}%;:#]/);
  });
});

describe('wrapLabel', () => {
  it('leaves a short title alone', () => {
    expect(wrapLabel('按单取鞋', 8)).toBe('按单取鞋');
  });

  it('wraps into balanced lines, breaking after punctuation', () => {
    expect(wrapLabel('带客人到鞋吧,交给鞋吧员,并告诉几位', 11)).toBe('带客人到鞋吧,\n交给鞋吧员,并告诉几位');
    for (const line of wrapLabel('客户问题较多,且接听的是总机或广告热线吗?', 8).split('\n')) {
      expect(line.length).toBeLessThanOrEqual(8);
    }
  });

  it('never breaks inside a number or starts a line with punctuation', () => {
    const lines = wrapLabel('1.3.3 会议安排,确定参与洽谈的人员', 6).split('\n');
    expect(lines[0]).toMatch(/^1\.3\.3/);
    for (const line of lines) expect(line).not.toMatch(/^[,。、?]/);
  });

  it('keeps the author’s line breaks', () => {
    expect(wrapLabel('第一行\n第二行', 8)).toBe('第一行\n第二行');
  });
});

describe('partToMermaid', () => {
  it('draws arrows to and from other parts as continuation nodes that carry no step id', () => {
    const source = partToMermaid(steps.slice(0, 2), {
      exits: [
        { from: 'paid', to: 'fetch-shoes', label: '已结账', part: 2, title: '按单取鞋' },
        { from: 'paid', to: 'pay', label: '未结账', part: 2, title: '请您来这边结帐' },
      ],
      entries: [],
    });
    expect(source).toContain('c_out_0["续见第 2 部分#58;按单取鞋"]');
    expect(source).toContain('s_paid -->|"已结账"| c_out_0');
    expect(source).toContain('s_paid -->|"未结账"| c_out_1');
    expect(source).toContain('class c_out_0,c_out_1 kind-link');
    // Compact decision: its question wrapped short.
    expect(source).toContain('s_paid{{"您好,请问您<br>结账了吗?"}}');
    const next = partToMermaid(steps.slice(2), { exits: [], entries: [{ to: 'pay', part: 1 }, { to: 'fetch-shoes', part: 1 }] });
    expect(next).toContain('c_in_0["接第 1 部分"]');
    expect(next).toContain('c_in_0 --> s_pay');
    expect(next).toContain('c_in_0 --> s_fetch_shoes');
  });
});
