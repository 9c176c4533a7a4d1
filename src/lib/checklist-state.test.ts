import { describe, expect, it } from 'vitest';
import {
  checklistRecord,
  checklistSpec,
  conditionIds,
  hashText,
  legacyStorageKey,
  loadState,
  normalize,
  progress,
  serializeState,
  storageKey,
  toggleItem,
  visibleIds,
} from './checklist-state';
import { createStore, scopedKey } from './client/storage';
import { memoryStorage } from '../../tests/helpers/memory-storage';

const items = [
  { id: 'ask', text: '已询问台签、水果、礼品及就餐情况' },
  { id: 'need-gift', text: '需要礼品' },
  { id: 'prepare-gift', text: '准备礼品', when: 'need-gift' },
  { id: 'wrap-gift', text: '包装礼品', when: 'prepare-gift' },
  { id: 'tidy', text: '整理会议室' },
];
const spec = checklistSpec(items);
const set = (...ids: string[]) => new Set(ids);

describe('checklistSpec', () => {
  it('hashes each item and the whole list, keeping conditions', () => {
    expect(spec.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(spec.items[2]).toMatchObject({ when: 'need-gift' });
    expect(spec.items[0]).not.toHaveProperty('when');
    expect(spec.version).toMatch(/^[0-9a-f]{8}$/);
    expect(new Set(spec.items.map((i) => i.hash)).size).toBe(items.length);
  });

  it('changes the version when an item is reworded, added or removed, and only then', () => {
    expect(checklistSpec(items).version).toBe(spec.version);
    const reworded = items.map((i) => (i.id === 'tidy' ? { ...i, text: '整理会议室物件' } : i));
    expect(checklistSpec(reworded).version).not.toBe(spec.version);
    expect(checklistSpec(items.slice(0, 4)).version).not.toBe(spec.version);
    expect(checklistSpec([...items, { id: 'x', text: '新条目' }]).version).not.toBe(spec.version);
  });

  it('hashText is stable and sensitive to one character', () => {
    expect(hashText('准备礼品')).not.toBe(hashText('准备礼物'));
    expect(hashText('')).toBe('811c9dc5');
  });

  // Pinned: readers' saved ticks are matched by these hashes. A change of the
  // hash (prime, character loop, encoding) would silently drop them all.
  it('keeps the hashes that stored ticks were saved under', () => {
    expect(hashText('准备礼品')).toBe('bae7a9e9');
    expect(spec.version).toBe('f222af62');
    expect(spec.items.map((i) => i.hash)).toEqual(['572aeac8', 'fe474e0e', 'fadd44d3', '729286b7', '89919a47']);
  });

  it('keys storage by procedure code and checklist id', () => {
    expect(storageKey('SOP-CORP-03', 'meeting-room-setup')).toBe('checklist:SOP-CORP-03:meeting-room-setup');
    expect(storageKey('SOP-CORP-03', 'a')).not.toBe(storageKey('SOP-CORP-01', 'a'));
    expect(legacyStorageKey('SOP-CORP-03', 'meeting-room-setup')).toBe('sop-checklist:SOP-CORP-03:meeting-room-setup');
  });
});

describe('checklistRecord in the scoped store', () => {
  const record = checklistRecord(storageKey('SOP-CORP-03', 'a'), legacyStorageKey('SOP-CORP-03', 'a'), spec);

  it('round-trips ticks under the deployment’s own key', () => {
    const storage = memoryStorage();
    const store = createStore(storage, '/sop/');
    expect(store.write(record, { checked: set('ask', 'tidy'), notice: 'none' })).toEqual({ ok: true });
    expect(storage.data.has(scopedKey('/sop/', 'checklist:SOP-CORP-03:a'))).toBe(true);
    expect(store.read(record).value).toEqual({ checked: set('ask', 'tidy'), notice: 'none' });
  });

  it('a copy at another base path with a reworded item does not touch the ticks under /sop/', () => {
    const storage = memoryStorage();
    createStore(storage, '/sop/').write(record, { checked: set('ask', 'tidy'), notice: 'none' });
    const reworded = checklistSpec(items.map((i) => (i.id === 'tidy' ? { ...i, text: '整理并检查会议室' } : i)));
    const other = checklistRecord(storageKey('SOP-CORP-03', 'a'), legacyStorageKey('SOP-CORP-03', 'a'), reworded);
    const root = createStore(storage, '/');
    expect(root.read(other).value.checked).toEqual(set());
    root.write(other, { checked: set('ask'), notice: 'none' });
    expect(createStore(storage, '/sop/').read(record).value).toEqual({ checked: set('ask', 'tidy'), notice: 'none' });
  });

  it('takes over ticks from the unscoped key of an earlier build', () => {
    const storage = memoryStorage({ [legacyStorageKey('SOP-CORP-03', 'a')]: serializeState(spec, set('ask')) });
    const read = createStore(storage, '/').read(record);
    expect(read.status).toBe('migrated');
    expect(read.value.checked).toEqual(set('ask'));
  });

  it('resets a corrupt record through the store', () => {
    const storage = memoryStorage({ [scopedKey('/', 'checklist:SOP-CORP-03:a')]: '{"v":1,"data":{"format":1' });
    expect(createStore(storage, '/').read(record).status).toBe('reset');
  });
});

describe('conditions', () => {
  it('shows a conditional item only while its condition is ticked, through chains', () => {
    expect(visibleIds(spec, set())).toEqual(set('ask', 'need-gift', 'tidy'));
    expect(visibleIds(spec, set('need-gift'))).toEqual(set('ask', 'need-gift', 'prepare-gift', 'tidy'));
    expect(visibleIds(spec, set('need-gift', 'prepare-gift'))).toEqual(set(...items.map((i) => i.id)));
    // A chain breaks when a middle link is unticked even if a later one is stored ticked.
    expect(visibleIds(spec, set('prepare-gift'))).toEqual(set('ask', 'need-gift', 'tidy'));
  });

  it('unticking a condition hides what hangs on it but keeps those ticks', () => {
    const all = set('ask', 'need-gift', 'prepare-gift', 'wrap-gift');
    const unticked = toggleItem(spec, all, 'need-gift', false);
    expect(unticked).toEqual(set('ask', 'prepare-gift', 'wrap-gift'));
    expect(visibleIds(spec, unticked)).toEqual(set('ask', 'need-gift', 'tidy'));
    // Ticked again: the dependent items come back as they were.
    expect(toggleItem(spec, unticked, 'need-gift', true)).toEqual(all);
    expect(toggleItem(spec, all, 'prepare-gift', false)).toEqual(set('ask', 'need-gift', 'wrap-gift'));
  });

  it('a hidden item cannot be ticked; a visible one can', () => {
    expect(toggleItem(spec, set(), 'prepare-gift', true)).toEqual(set());
    expect(toggleItem(spec, set('need-gift'), 'prepare-gift', true)).toEqual(set('need-gift', 'prepare-gift'));
  });

  it('counts progress over the items that apply: shown, and not a choice', () => {
    expect(conditionIds(spec)).toEqual(set('need-gift'));
    expect(progress(spec, set())).toEqual({ done: 0, total: 2 });
    expect(progress(spec, set('ask', 'tidy'))).toEqual({ done: 2, total: 2 });
    expect(progress(spec, set('need-gift'))).toEqual({ done: 0, total: 3 });
    expect(progress(spec, set('ask', 'need-gift', 'prepare-gift', 'wrap-gift', 'tidy'))).toEqual({ done: 4, total: 4 });
    // A hidden item's kept tick does not count.
    expect(progress(spec, set('ask', 'prepare-gift', 'tidy'))).toEqual({ done: 2, total: 2 });
  });

  it('a visit that needs none of the choices can reach 100 % (销售部客户来访 来访前确认)', () => {
    const visit = checklistSpec([
      { id: 'visitor-info', text: '已获取来访客户信息' },
      { id: 'asked', text: '已询问' },
      { id: 'need-cards', text: '需要制作台签' },
      { id: 'make-cards', text: '制作台签', when: 'need-cards' },
      { id: 'need-meal', text: '需要就餐' },
      { id: 'book', text: '预定饭店', when: 'need-meal' },
    ]);
    expect(progress(visit, set('visitor-info', 'asked'))).toEqual({ done: 2, total: 2 });
    expect(progress(visit, set('visitor-info', 'asked', 'need-meal'))).toEqual({ done: 2, total: 3 });
  });

  it('normalize drops ticks of unknown items only', () => {
    expect(normalize(spec, set('prepare-gift', 'tidy', 'gone'))).toEqual(set('prepare-gift', 'tidy'));
  });
});

describe('loadState', () => {
  it('starts empty and quiet when nothing is stored', () => {
    expect(loadState(null, spec)).toEqual({ checked: set(), notice: 'none' });
  });

  it('round-trips what it saved', () => {
    const checked = set('ask', 'need-gift', 'prepare-gift');
    const raw = serializeState(spec, checked);
    expect(loadState(raw, spec)).toEqual({ checked, notice: 'none' });
    // Only ids and content hashes are stored.
    expect(Object.keys(JSON.parse(raw))).toEqual(['format', 'version', 'checked']);
    expect(raw).not.toContain('礼品');
  });

  it('migrates state from an older content version: removed and reworded items dropped, new ones unticked', () => {
    const oldSpec = checklistSpec([
      { id: 'ask', text: '已询问台签、水果、礼品及就餐情况' },
      { id: 'need-gift', text: '需要礼品' },
      { id: 'prepare-gift', text: '准备礼品', when: 'need-gift' },
      { id: 'old-item', text: '已删除的条目' },
      { id: 'tidy', text: '整理会议室(旧措辞)' },
    ]);
    const raw = serializeState(oldSpec, set('ask', 'need-gift', 'prepare-gift', 'old-item', 'tidy'));
    const loaded = loadState(raw, spec);
    expect(loaded.checked).toEqual(set('ask', 'need-gift', 'prepare-gift'));
    expect(loaded.notice).toBe('updated');
    expect(loaded.checked.has('wrap-gift')).toBe(false);
  });

  it('migrates quietly when the content changed but every tick survives', () => {
    const oldSpec = checklistSpec(items.slice(0, 2));
    const loaded = loadState(serializeState(oldSpec, set('ask')), spec);
    expect(loaded).toEqual({ checked: set('ask'), notice: 'none' });
  });

  it('keeps ticks left under a condition that is not ticked, hidden until it is', () => {
    const oldSpec = checklistSpec(items.map((i) => ({ id: i.id, text: i.text })));
    const loaded = loadState(serializeState(oldSpec, set('prepare-gift', 'tidy')), spec);
    expect(loaded.checked).toEqual(set('prepare-gift', 'tidy'));
    expect(visibleIds(spec, loaded.checked).has('prepare-gift')).toBe(false);
  });

  it.each([
    ['not JSON', '{"format":1,'],
    ['JSON null', 'null'],
    ['a number', '42'],
    ['an array', '["ask"]'],
    ['a bare string', '"ask"'],
    ['another format', JSON.stringify({ format: 2, version: spec.version, checked: {} })],
    ['no version', JSON.stringify({ format: 1, checked: {} })],
    ['checked as a list', JSON.stringify({ format: 1, version: spec.version, checked: ['ask'] })],
    ['checked with non-string hashes', JSON.stringify({ format: 1, version: spec.version, checked: { ask: true } })],
    ['empty string', ''],
  ])('resets with a notice when storage holds %s', (_name, raw) => {
    expect(loadState(raw, spec)).toEqual({ checked: set(), notice: 'reset' });
  });

  it('resets a value claiming the current version but naming items it does not have (foreign data)', () => {
    const raw = JSON.stringify({ format: 1, version: spec.version, checked: { ask: spec.items[0]!.hash, intruder: 'deadbeef' } });
    expect(loadState(raw, spec)).toEqual({ checked: set(), notice: 'reset' });
    const wrongHash = JSON.stringify({ format: 1, version: spec.version, checked: { ask: '00000000' } });
    expect(loadState(wrongHash, spec).notice).toBe('reset');
  });

  it('treats another checklist’s state under this key as changed content and keeps nothing of it', () => {
    const other = checklistSpec([{ id: 'supplies', text: '检查备料' }]);
    const loaded = loadState(serializeState(other, set('supplies')), spec);
    expect(loaded).toEqual({ checked: set(), notice: 'updated' });
  });
});
