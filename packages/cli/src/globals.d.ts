declare const __DMLS_VERSION__: string;
