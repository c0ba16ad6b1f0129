import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { createApolloClient } from './app/apollo-client';
import { routes } from './app/routes';
import { signInPath } from './app/safe-next-path';
import './styles.css';

const router = createBrowserRouter(routes);

const client = createApolloClient({
  // The session has ended (or never began): sign in, then come back here.
  onUnauthenticated: () => {
    const { pathname, search } = router.state.location;
    if (pathname === '/sign-in') return;
    void router.navigate(signInPath(pathname + search), { replace: true });
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <RouterProvider router={router} />
    </ApolloProvider>
  </StrictMode>,
);
