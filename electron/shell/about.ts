import type { OperationOutput } from '../../shared/api/contract';

/** The About box: what a support contact asks first (which version, which database file). */
export function aboutDialog(info: OperationOutput<'app.info'>): { title: string; message: string; detail: string } {
  return {
    title: `About ${info.name}`,
    message: `${info.name} ${info.version}`,
    detail: [`Database: ${info.databasePath}`, `Database schema version: ${info.schemaVersion}`].join('\n'),
  };
}
