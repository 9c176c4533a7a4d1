import { describe, expect, it } from 'vitest';
import { numberSteps, parseStepHeading, splitSourceLabel, stepHeading, stepMention } from './numbering';

describe('splitSourceLabel', () => {
  it.each([
    ['2、确定接待级别', '2', '确定接待级别'],
    ['10、提出、收集合作事项', '10', '提出、收集合作事项'],
    ['1.4.2 办公室准备国旗、公司介绍、投影设备等', '1.4.2', '办公室准备国旗、公司介绍、投影设备等'],
    ['1.1 来访时间及宾客信息确认', '1.1', '来访时间及宾客信息确认'],
    ['3. 引领客户', '3', '引领客户'],
    ['3．引领客户', '3', '引领客户'],
    ['(2)登记', '2', '登记'],
    ['(二)登记', '二', '登记'],
    ['一、接待准备', '一', '接待准备'],
  ])('%s → 原文 %s', (title, label, rest) => {
    expect(splitSourceLabel(title)).toEqual({ sourceLabel: label, title: rest });
  });

  it.each(['24 小时值班', '提前2天通知总经办', '3.5 小时内回复客人', '2人以上同行', '5分钟内到达', '确认到达信息', 'VIP 客人到达', '1.5'])(
    'leaves "%s" whole: a figure is not a label',
    (title) => {
      expect(splitSourceLabel(title)).toEqual({ title });
    },
  );
});

describe('numberSteps', () => {
  it('numbers in reading order and keeps the source label apart', () => {
    const numbers = numberSteps([
      { id: 'start', title: '开始' },
      { id: 'apply', title: '1、接待申请' },
      { id: 'level', title: '2、确定接待级别' },
    ]);
    expect([...numbers.values()]).toEqual([
      { number: 1, title: '开始' },
      { number: 2, sourceLabel: '1', title: '接待申请' },
      { number: 3, sourceLabel: '2', title: '确定接待级别' },
    ]);
  });
});

describe('step names', () => {
  const level = { number: 3, sourceLabel: '2', title: '确定接待级别' };

  it('writes the site number first and the source label as 原文', () => {
    expect(stepHeading(level)).toBe('第 3 步:确定接待级别(原文 2)');
    expect(stepHeading({ number: 1, title: '开始' })).toBe('第 1 步:开始');
    expect(stepMention(level)).toBe('第 3 步「确定接待级别」');
  });

  it('reads a heading back', () => {
    expect(parseStepHeading(stepHeading(level))).toEqual(level);
    expect(parseStepHeading(stepHeading({ number: 12, title: '客人的鞋是否需要护理?' }))).toEqual({
      number: 12,
      title: '客人的鞋是否需要护理?',
    });
    expect(parseStepHeading('前台接待')).toBeUndefined();
  });
});
