import { createBrowserRouter } from 'react-router';
import { LoadingPage } from './shell/loading-page.tsx';
import { RouteError } from './shell/route-error.tsx';

/**
 * One lazily loaded module per audience, so each is its own chunk: a person's pages never load the
 * employer's or the agency's code. Each module holds its audience's routes (descendant <Routes>), so a
 * new page is added inside its audience's module and this table stays as it is.
 */
export const router = createBrowserRouter([
  {
    HydrateFallback: LoadingPage,
    ErrorBoundary: RouteError,
    children: [
      {
        path: '/person/*',
        lazy: async () => ({ Component: (await import('./person/person-app.tsx')).PersonApp }),
      },
      {
        path: '/employer/*',
        lazy: async () => ({ Component: (await import('./employer/employer-app.tsx')).EmployerApp }),
      },
      {
        path: '/staff/*',
        lazy: async () => ({ Component: (await import('./staff/staff-app.tsx')).StaffApp }),
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./public/public-app.tsx')).PublicApp }),
      },
    ],
  },
]);
