/**
 * Header-driven layout (./headers) and the register's rows (./register-row). Import from here.
 */
export * from './headers';
export * from './register-row';
