import type { OperationName, OperationOutput, ParsedInput } from '../../../shared/api/contract';
import type { ApiContext } from '../context';

export type Handler<K extends OperationName> = (
  input: ParsedInput<K>,
  ctx: ApiContext,
) => OperationOutput<K> | Promise<OperationOutput<K>>;

export type HandlerTable<K extends OperationName> = { [P in K]: Handler<P> };
