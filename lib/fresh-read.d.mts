export declare function freshReader<T>(query: () => Promise<T> | T): () => Promise<{ value: T; seq: number }>;
