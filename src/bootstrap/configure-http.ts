import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { PinoLogger } from 'nestjs-pino';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { handleBodyParserError } from '../common/body-parser-error.handler';
import { DetailExceptionFilter } from '../common/detail-exception.filter';
import { requireJsonContentType } from '../common/json-content-type.middleware';
import { rejectUnstorableText } from '../common/unstorable-text.middleware';
import { AppConfig } from '../config/app-config';
import { takeCallbackUrl } from '../callbacks/callback-url.middleware';
import { requestLog } from './request-log.middleware';

/** Everything HTTP-specific, shared by main.ts and the end-to-end tests so both run the same stack. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): INestApplication {
  const logRequests = requestLog(config.logLevel, () => PinoLogger.root);
  if (logRequests) app.use(logRequests);
  // The website calls the API from another origin; preflight requests must pass before routing.
  app.enableCors({
    origin: config.corsOrigins === '*' ? true : config.corsOrigins,
    methods: ['GET', 'HEAD', 'POST'],
  });
  app.use(requireJsonContentType);
  // Not strict: a `null` or string body is valid JSON and gets the clearer "must be a JSON object" answer.
  app.useBodyParser('json', { limit: config.bodyLimitBytes, strict: false });
  app.useBodyParser('urlencoded', { limit: config.bodyLimitBytes, extended: true });
  app.use(handleBodyParserError);
  // After parsing, before routing: one check of every string a route could receive.
  app.use(rejectUnstorableText);
  // Beyond the reference: the optional callback_url of download requests, checked and set aside.
  app.use(takeCallbackUrl(config.extras));
  app.useGlobalFilters(new DetailExceptionFilter());
  // Flat keys, as Django's QueryDict reads them: `file_name[0]=x` is a key of its own, not file_name. A
  // repeated key gives an array (the status route takes its last value, as the reference does).
  app.set('query parser', 'simple');
  // The reference's JSON answers carry no ETag; Express would hash every answer body for one (a status poll
  // answer changes while its job runs). The file route sets its own, the file's SHA-256.
  app.set('etag', false);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('USAspending download service')
      .setDescription('Custom award and account data downloads, wire-compatible with api.usaspending.gov')
      .setVersion('2')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
