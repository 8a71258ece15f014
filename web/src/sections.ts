// The cabinet's sections. Each later section plugs in by giving its route a component and
// setting `ready: true`; until then the navigation shows it greyed out with a "скоро" badge.

export interface Section {
  id: 'analytics' | 'finance' | 'products' | 'documents' | 'customers' | 'settings';
  path: string;
  ready: boolean;
}

export const kSections: Section[] = [
  { id: 'analytics', path: '/analytics', ready: true },
  { id: 'finance', path: '/finance', ready: true },
  { id: 'products', path: '/products', ready: true },
  { id: 'documents', path: '/documents', ready: false },
  { id: 'customers', path: '/customers', ready: false },
  { id: 'settings', path: '/settings', ready: true },
];
