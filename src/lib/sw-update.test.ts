import { describe, expect, it } from 'vitest';
import { newsOfWorker, offlineReadyText, OFFLINE_READY_TEXT, onControllerChange, updateWaiting, type WorkerStateChange } from './sw-update';

const change = (over: Partial<WorkerStateChange>): WorkerStateChange => ({
  state: 'installed',
  controlled: false,
  controlledByIt: false,
  hadController: false,
  ...over,
});

describe('news of a service worker', () => {
  it('offers a new build once it is installed beside the one that controls the page', () => {
    expect(newsOfWorker(change({ state: 'installed', controlled: true, hadController: true }))).toBe('update-ready');
  });

  it('a first visit is no update: installed with no controller, or already controlled by this worker', () => {
    expect(newsOfWorker(change({ state: 'installed', controlled: false }))).toBeNull();
    expect(newsOfWorker(change({ state: 'installed', controlled: true, controlledByIt: true }))).toBeNull();
  });

  it('says the offline copy is ready when the first worker activates, not when a later one does', () => {
    expect(newsOfWorker(change({ state: 'activated', hadController: false }))).toBe('offline-ready');
    expect(newsOfWorker(change({ state: 'activated', controlled: true, hadController: true }))).toBeNull();
  });

  it('says nothing of the states in between', () => {
    for (const state of ['installing', 'activating', 'redundant'] as const) {
      expect(newsOfWorker(change({ state, controlled: true, hadController: false }))).toBeNull();
    }
  });

  it('offers a build that was already waiting only to a controlled page', () => {
    expect(updateWaiting({ waiting: true, controlled: true })).toBe(true);
    expect(updateWaiting({ waiting: true, controlled: false })).toBe(false);
    expect(updateWaiting({ waiting: false, controlled: true })).toBe(false);
  });
});

describe('a change of controller', () => {
  it('reloads into the new build after the reader asked for it', () => {
    expect(onControllerChange({ updating: true, hadController: true })).toBe('reload');
    expect(onControllerChange({ updating: true, hadController: false })).toBe('reload');
  });

  it('when another tab took the new build, offers it here; on a first visit, does nothing', () => {
    expect(onControllerChange({ updating: false, hadController: true })).toBe('offer-update');
    expect(onControllerChange({ updating: false, hadController: false })).toBe('none');
  });
});

describe('the offline-ready notice', () => {
  it('says when the page of the first visit could not be kept', () => {
    expect(offlineReadyText(true)).toBe(OFFLINE_READY_TEXT);
    expect(OFFLINE_READY_TEXT).toContain('断网也能打开');
    expect(offlineReadyText(false)).toBe(`${OFFLINE_READY_TEXT}但这一页未能保存(存储空间不足或不允许保存)。`);
  });
});
