import type { HandlerTable } from './types';

export const sampleDataHandlers: HandlerTable<'sampleData.create'> = {
  /**
   * Answered one layer up, by withSampleData (electron/sample-data/operation.ts), which createBackend puts in
   * front of this table: sample data is made by calling the other operations, so it calls the table from above
   * like a transport instead of the table holding a reference to itself. The entry stays because the table
   * must name every operation of the contract; only a table built without createBackend reaches it.
   */
  'sampleData.create': () => {
    throw new Error('sampleData.create is answered by withSampleData (electron/sample-data/operation.ts); build the back end with createBackend.');
  },
};
