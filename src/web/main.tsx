// Entry of the web app: styles (Utrecht design tokens and components), providers, router.
import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/index.css';
import './app/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { z } from 'zod';
import { AuthProvider } from './app/auth';
import { queryClient } from './app/query-client';
import { AppRouter } from './app/router';

// Client-side validation speaks Dutch too (the schemas' own messages are Dutch already).
z.config(z.locales.nl());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <AppRouter />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
