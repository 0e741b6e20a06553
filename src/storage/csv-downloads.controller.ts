import { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  Controller,
  Get,
  GoneException,
  Head,
  Inject,
  Logger,
  NotFoundException,
  Optional,
  Param,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { reprDigestHeader, strongEtag } from '../checksums/file-digest.util';
import { JobStatus } from '../database/entities/job-status.entity';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { expiredDetail, isExpired } from '../retention/retention.util';
import { parseRangeHeader } from './http-range.util';
import { isSafeObjectName } from './object-name.util';
import { ByteRange, STORAGE_DRIVER, StorageDriver, StoredObject } from './storage.driver';

const FILE_NAME_PARAM = {
  name: 'fileName',
  example: 'PrimeAwardSummariesAndSubawards_2024-01-01_H12M34S56789012.zip',
};

/** Sent for files of finished jobs (every download, archive and pre-generated file). */
const DIGEST_HEADERS = {
  'Repr-Digest': {
    description:
      'SHA-256 of the whole file (RFC 9530), e.g. sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
    schema: { type: 'string' },
  },
  ETag: { description: 'Strong entity tag: the quoted hex SHA-256 of the file', schema: { type: 'string' } },
};

/**
 * Serves finished zips from whichever driver is active, so `file_url` works the same in local
 * mode as behind S3. Responses are written by hand (@Res) because the body is streamed and
 * Range requests need exact control of status and headers.
 */
@ApiTags('files')
@Controller('csv_downloads')
export class CsvDownloadsController {
  private readonly logger = new Logger(CsvDownloadsController.name);

  constructor(
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
    // Absent when storage is mounted on its own (no job table): files are then served without validators.
    @Optional() private readonly jobs?: DownloadJobRepository,
  ) {}

  // Declared before GET: Express lets a GET route answer HEAD too, and the first match wins.
  @Head(':fileName')
  @ApiOperation({ summary: 'Size and headers of a generated download file, without its body' })
  @ApiParam(FILE_NAME_PARAM)
  @ApiResponse({ status: 404, description: 'No such file' })
  async head(
    @Param('fileName') fileName: string,
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
  ): Promise<void> {
    await this.serve(fileName, req, res, false);
  }

  // Objects inside a storage folder (the monthly archives: award_data_archive/<file>). HEAD is
  // declared before GET for the same reason as above; isSafeObjectName admits known folders only.
  @Head(':folder/:fileName')
  @ApiOperation({ summary: 'Size and headers of a monthly archive file, without its body' })
  async headInFolder(
    @Param('folder') folder: string,
    @Param('fileName') fileName: string,
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
  ): Promise<void> {
    await this.serve(`${folder}/${fileName}`, req, res, false);
  }

  @Get(':folder/:fileName')
  @ApiOperation({ summary: 'Download a monthly archive file (award_data_archive/...); Range honoured' })
  @ApiProduces('application/zip')
  async downloadInFolder(
    @Param('folder') folder: string,
    @Param('fileName') fileName: string,
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
  ): Promise<void> {
    await this.serve(`${folder}/${fileName}`, req, res, true);
  }

  @Get(':fileName')
  @ApiOperation({ summary: 'Download a generated file; a single byte Range is honoured (206)' })
  @ApiParam(FILE_NAME_PARAM)
  @ApiProduces('application/zip', 'application/octet-stream')
  @ApiResponse({ status: 200, description: 'The whole file', headers: DIGEST_HEADERS })
  @ApiResponse({ status: 206, description: 'The requested byte range', headers: DIGEST_HEADERS })
  @ApiResponse({ status: 304, description: 'If-None-Match names the current ETag' })
  @ApiResponse({ status: 404, description: 'No such file' })
  @ApiResponse({
    status: 410,
    description: 'The download expired (DOWNLOAD_RETENTION_HOURS); request it again',
  })
  @ApiResponse({ status: 416, description: 'Range not satisfiable' })
  async download(
    @Param('fileName') fileName: string,
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
  ): Promise<void> {
    await this.serve(fileName, req, res, true);
  }

  private async serve(
    name: string,
    req: IncomingMessage,
    res: ServerResponse,
    withBody: boolean,
  ): Promise<void> {
    // Checked before touching storage: a traversal attempt is indistinguishable from a missing file.
    if (!isSafeObjectName(name)) throw new NotFoundException('Not found.');
    const job = (await this.jobs?.findByFileName(name)) ?? null;
    if (job?.statusId === JobStatus.Finished && isExpired(job)) throw new GoneException(expiredDetail(job));
    const stored = await this.storage.stat(name);
    if (!stored) throw new NotFoundException('Not found.');
    // The digest recorded when the file was written; a file in storage without a finished job has none.
    const sha256 = job?.statusId === JobStatus.Finished ? job.fileSha256 : null;
    const validators: OutgoingHttpHeaders = sha256
      ? { ETag: strongEtag(sha256), 'Repr-Digest': reprDigestHeader(sha256) }
      : {};
    if (sha256 && matchesEtag(req.headers['if-none-match'], strongEtag(sha256))) {
      res.writeHead(304, validators);
      res.end();
      return;
    }

    const request = parseRangeHeader(req.headers.range, stored.size);
    if (request.kind === 'unsatisfiable') {
      const detail = withBody ? JSON.stringify({ detail: 'Requested range not satisfiable.' }) : '';
      res.writeHead(416, {
        'Accept-Ranges': 'bytes',
        'Content-Range': `bytes */${stored.size}`,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(detail),
      });
      res.end(detail);
      return;
    }
    const range = request.kind === 'partial' ? request.range : undefined;
    // Opened before any header is written, so a failure here still gets a proper error response.
    const body = withBody ? await this.open(name, range) : undefined;
    res.writeHead(range ? 206 : 200, { ...responseHeaders(name, stored, range), ...validators });
    if (!body) {
      res.end();
      return;
    }
    try {
      await pipeline(body, res);
    } catch (error) {
      // Headers are gone by now, so there is nothing to report to the client; pipeline has
      // already destroyed both streams. A client hanging up mid-download is routine.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.warn(
          `Streaming ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  private async open(name: string, range: ByteRange | undefined): Promise<Readable> {
    try {
      return await this.storage.read(name, range);
    } catch (error) {
      // Removed between stat and read (e.g. expired): still just a missing file.
      if (!(await this.storage.stat(name))) throw new NotFoundException('Not found.');
      throw error;
    }
  }
}

/** If-None-Match: `*` or a list of entity tags (weak comparison, as RFC 9110 asks for this field). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function responseHeaders(
  name: string,
  stored: StoredObject,
  range: ByteRange | undefined,
): OutgoingHttpHeaders {
  return {
    'Content-Type': name.toLowerCase().endsWith('.zip') ? 'application/zip' : 'application/octet-stream',
    'Content-Length': range ? range.end - range.start + 1 : stored.size,
    'Accept-Ranges': 'bytes',
    // Safe to quote verbatim: the allow-list admits no quotes, backslashes or control characters.
    'Content-Disposition': `attachment; filename="${name.slice(name.lastIndexOf('/') + 1)}"`,
    ...(range && { 'Content-Range': `bytes ${range.start}-${range.end}/${stored.size}` }),
  };
}
