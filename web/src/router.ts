import type { Component } from 'vue';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { currentMe, loadMe } from './session';
import { kSections, type Section } from './sections';
import LoginPage from './pages/LoginPage.vue';
import SetPasswordPage from './pages/SetPasswordPage.vue';
import ForgotPasswordPage from './pages/ForgotPasswordPage.vue';
import HomePage from './pages/HomePage.vue';
import ComingSoonPage from './pages/ComingSoonPage.vue';
import AnalyticsPage from './pages/AnalyticsPage.vue';
import SettingsPage from './pages/SettingsPage.vue';
import ProductsPage from './pages/ProductsPage.vue';
import NotFoundPage from './pages/NotFoundPage.vue';
import FinancePage from './pages/finance/FinancePage.vue';
import ShiftPage from './pages/finance/ShiftPage.vue';
import ReceiptPage from './pages/finance/ReceiptPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** 'app': signed-in pages inside the navigation shell; 'public': a centred card. */
    shell?: 'app' | 'public';
    requiresAuth?: boolean;
    /** Public pages a signed-in owner has no use for (the login form). */
    guestOnly?: boolean;
  }
}

/** The pages of the sections that are ready; the others show ComingSoonPage. */
const kSectionPages: Partial<Record<Section['id'], Component>> = {
  analytics: AnalyticsPage,
  finance: FinancePage,
  settings: SettingsPage,
  products: ProductsPage,
};

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { shell: 'app', requiresAuth: true } },
  { path: '/login', name: 'login', component: LoginPage, meta: { shell: 'public', guestOnly: true } },
  // The registration e-mail's link: {public-url}/set-password?token=...
  { path: '/set-password', name: 'set-password', component: SetPasswordPage, props: { mode: 'activate' }, meta: { shell: 'public' } },
  // The reset e-mail's link, and the form that asks for it.
  { path: '/reset-password', name: 'reset-password', component: SetPasswordPage, props: { mode: 'reset' }, meta: { shell: 'public' } },
  { path: '/forgot-password', name: 'forgot-password', component: ForgotPasswordPage, meta: { shell: 'public' } },
  // «Финансы»: a shift's and a receipt's own pages (the lists are the section's page).
  { path: '/finance/shifts/:id', name: 'finance-shift', component: ShiftPage, meta: { shell: 'app', requiresAuth: true } },
  { path: '/finance/receipts/:id', name: 'finance-receipt', component: ReceiptPage, meta: { shell: 'app', requiresAuth: true } },
  ...kSections.map<RouteRecordRaw>((s) => {
    const page = s.ready ? kSectionPages[s.id] : undefined;
    return page
      ? { path: s.path, name: s.id, component: page, meta: { shell: 'app', requiresAuth: true } }
      : { path: s.path, name: s.id, component: ComingSoonPage, props: { section: s.id }, meta: { shell: 'app', requiresAuth: true } };
  }),
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage, meta: { shell: 'public' } },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(async (to) => {
  if (to.meta.requiresAuth) {
    const me = currentMe.value ?? (await loadMe().catch(() => null));
    if (!me) {
      return { name: 'login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
    }
  } else if (to.meta.guestOnly && currentMe.value) {
    return { name: 'home' };
  }
  return true;
});
