// HTTP: client search (the page's and the header's), detail, change and the duplicate check.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../lib/problem';
import { actorOf } from '../../http/auth-hook';
import { idParams } from '../../http/params';
import type { AppDeps } from '../../app-deps';
import { clientDetail, clientSearch, clientSummary, clientUpdate, duplicateCheck, duplicateMatch, quickSearch as quickSearchBody, quickSearchResult } from './clients.schemas';
import { checkDuplicates, getClient, searchClients, updateClient } from './clients.service';
import { quickSearch } from './quick-search';

export function clientsRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // POST, not GET with a query string: the search text may be a BSN, and a BSN never goes in a URL.
    app.post(
      '/clients/search',
      { config: { permission: 'clients:read' }, schema: { summary: 'Search clients by name, birth date, postcode or BSN', body: clientSearch, response: { 200: z.array(clientSummary) } } },
      async (request) => searchClients(db, actorOf(request), request.body.search, request.body.limit, request.body.ownTeam),
    );
    // The header's search box: clients with their open cases, a few at a time. POST for the same reason.
    app.post(
      '/search',
      { config: { permission: 'clients:read' }, schema: { summary: 'Find clients and their open cases by name, BSN, birth date or postcode (the header search)', body: quickSearchBody, response: { 200: quickSearchResult } } },
      async (request) => quickSearch(db, actorOf(request), request.body.search),
    );
    app.get(
      '/clients/:id',
      { config: { permission: 'clients:read' }, schema: { summary: 'A client with their cases', params: idParams, response: { 200: clientDetail } } },
      async (request) => getClient(db, actorOf(request), request.params.id),
    );
    app.put(
      '/clients/:id',
      { config: { permission: 'clients:write' }, schema: { summary: 'Change a client', params: idParams, body: clientUpdate, response: { 200: clientDetail } } },
      async (request) => updateClient(db, actorOf(request), request.params.id, request.body),
    );
    app.post(
      '/clients/duplicate-check',
      { config: { permission: 'registrations:write' }, schema: { summary: 'Possible earlier registrations of the same person (another team\'s client without id); limited per user', body: duplicateCheck, response: { 200: z.array(duplicateMatch), 429: problemSchema } } },
      async (request) => checkDuplicates(db, actorOf(request), request.body),
    );
  };
}
