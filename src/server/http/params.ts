// Route parameters shared by the feature routes.
import { z } from 'zod';

export const idParams = z.object({ id: z.uuid('Onbekend nummer') });
