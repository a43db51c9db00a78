/** FormApp: the script-visible service (form-app.ts) over the world's FormStore (store.ts). */
export { createFormApp, Form, DestinationType, EmailCollectionType } from './form-app';
export { FormStore, FormSubmitError } from './store';
export type { Submission, SubmitResult, FormDescription } from './store';
