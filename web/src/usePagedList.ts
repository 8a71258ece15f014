// A list read a page at a time («Показать ещё»): the items so far, the next cursor, and the
// loading / error state. `reload` starts over (a new period or filter); a slower answer to an
// older query is dropped so it cannot overwrite the newer one.

import { ref, shallowRef, type Ref } from 'vue';
import { appendPage, type Page } from './finance';

export interface PagedList<T> {
  items: Ref<T[]>;
  next: Ref<string | null>;
  loading: Ref<boolean>;
  loaded: Ref<boolean>;
  error: Ref<unknown>;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

export function usePagedList<T extends { id: string }>(fetchPage: (cursor?: string) => Promise<Page<T>>): PagedList<T> {
  const items = shallowRef<T[]>([]) as Ref<T[]>;
  const next = ref<string | null>(null);
  const loading = ref(false);
  const loaded = ref(false);
  const error = shallowRef<unknown>(null);
  let generation = 0;

  async function fetch(cursor: string | undefined, reset: boolean): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const page = await fetchPage(cursor);
      if (mine !== generation) {
        return;
      }
      items.value = reset ? page.items : appendPage(items.value, page);
      next.value = page.next;
      loaded.value = true;
    } catch (e) {
      if (mine === generation) {
        error.value = e;
      }
    } finally {
      if (mine === generation) {
        loading.value = false;
      }
    }
  }

  return {
    items,
    next,
    loading,
    loaded,
    error,
    reload: () => {
      items.value = [];
      next.value = null;
      loaded.value = false;
      return fetch(undefined, true);
    },
    loadMore: () => (next.value ? fetch(next.value, false) : Promise.resolve()),
  };
}
