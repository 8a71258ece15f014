// Who is signed in, as the last /me answered. The cookie itself is HttpOnly: the page learns
// about the session only by asking the server.

import { ref } from 'vue';
import { api, ApiError, type Me } from './api';

export const currentMe = ref<Me | null>(null);

/** The signed-in owner, or null on 401; other failures propagate. */
export async function loadMe(): Promise<Me | null> {
  try {
    currentMe.value = await api.me();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      currentMe.value = null;
    } else {
      throw e;
    }
  }
  return currentMe.value;
}

export async function logout(): Promise<void> {
  try {
    await api.logout();
  } finally {
    currentMe.value = null;
  }
}
