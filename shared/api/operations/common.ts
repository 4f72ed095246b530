import { z } from 'zod';
import { uuid } from '../../domain/schema-parts';

export const Empty = z.strictObject({});
export const ById = z.strictObject({ id: uuid });
