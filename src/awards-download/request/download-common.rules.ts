/** `file_format` values: pstxt is pipe-delimited `.txt` files. */
export const FILE_FORMATS = ['csv', 'tsv', 'pstxt'] as const;

export type FileFormat = (typeof FILE_FORMATS)[number];

/** Default and maximum rows per file of row-limited downloads. */
export const MAX_DOWNLOAD_LIMIT = 500_000;
