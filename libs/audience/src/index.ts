export * from './queries/audience-spec';
export * from './queries/check-audience-refs/check-audience-refs.query';
export * from './queries/describe-audience/describe-audience.query';
export * from './queries/count-audience/count-audience.query';
export * from './queries/sample-audience/sample-audience.query';
export * from './queries/audience-field-coverage/audience-field-coverage.query';
export * from './queries/get-contact/get-contact.query';
export * from './queries/build-audience-select/build-audience-select.query';
