import { describe, expect, it } from 'vitest';
import { escapeLabel, nodeIdFor, stepIdFor, toMermaid, type ChartStep } from './flowchart';

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
  it('derive from step ids and map back', () => {
    expect(nodeIdFor('check-shoes-2')).toBe('s_check_shoes_2');
    expect(stepIdFor('s_check_shoes_2')).toBe('check-shoes-2');
    expect(stepIdFor('flowchart-x')).toBeUndefined();
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
