import { createBrowserRouter } from 'react-router';
import { loadTexts } from './i18n/index.ts';
import { LoadingPage } from './shell/loading-page.tsx';
import { RouteError } from './shell/route-error.tsx';

/**
 * One lazily loaded module per audience, so each is its own chunk: a person's pages never load the
 * employer's or the agency's code. Each module holds its audience's routes (descendant <Routes>), so a
 * new page is added inside its audience's module and this table stays as it is. A module renders once its
 * texts are in too (i18n/index.ts), fetched alongside its code.
 */
export const router = createBrowserRouter([
  {
    HydrateFallback: LoadingPage,
    ErrorBoundary: RouteError,
    children: [
      {
        path: '/person/*',
        lazy: async () => {
          const [module] = await Promise.all([
            import('./person/person-app.tsx'),
            loadTexts('person', 'problems', 'public'),
          ]);
          return { Component: module.PersonApp };
        },
      },
      {
        path: '/employer/*',
        lazy: async () => {
          const [module] = await Promise.all([
            import('./employer/employer-app.tsx'),
            loadTexts('employer', 'problems', 'public'),
          ]);
          return { Component: module.EmployerApp };
        },
      },
      {
        path: '/staff/*',
        lazy: async () => {
          const [module] = await Promise.all([
            import('./staff/staff-app.tsx'),
            loadTexts('staff', 'problems'),
          ]);
          return { Component: module.StaffApp };
        },
      },
      {
        path: '*',
        lazy: async () => {
          const [module] = await Promise.all([import('./public/public-app.tsx'), loadTexts('public')]);
          return { Component: module.PublicApp };
        },
      },
    ],
  },
]);
