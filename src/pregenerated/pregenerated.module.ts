import { Module } from '@nestjs/common';
import { GenerationModule } from '../generation/generation.module';
import { StorageModule } from '../storage/storage.module';
import { PregeneratedFileService } from './pregenerated-file.service';
import { PregeneratedJobRepository } from './pregenerated-job.repository';

/** Producing (commands) and finding (listing routes) the files generated ahead of requests. */
@Module({
  imports: [GenerationModule, StorageModule],
  providers: [PregeneratedFileService, PregeneratedJobRepository],
  exports: [PregeneratedFileService, PregeneratedJobRepository],
})
export class PregeneratedModule {}
