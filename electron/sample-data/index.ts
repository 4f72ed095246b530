export { createSampleData, SAMPLE_STORIES, type SampleDataOptions, type SampleDataResult } from './generator';
export { caller, SampleDataError, type Caller } from './call';
export { SAMPLE_CLINIC, SAMPLE_COLLEAGUE, SAMPLE_THERAPIST } from './people';
export type { Story } from './story';
