export * from './queries/get-template/get-template.query';
export * from './queries/resolve-channel/resolve-channel.query';
