/** FormApp: the script-visible service (form-app.ts) over the world's FormStore (store.ts). */
export { createFormApp } from './form-app';
export { Form, DestinationType, EmailCollectionType } from './form';
export { FormStore } from './store';
export type { FormDescription } from './store';
export { FormSubmitError } from './submission';
export type { Submission, SubmitResult } from './submission';
