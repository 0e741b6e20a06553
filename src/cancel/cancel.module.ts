import { Module } from '@nestjs/common';
import { StatusModule } from '../status/status.module';
import { CancelController } from './cancel.controller';
import { CancelRepository } from './cancel.repository';
import { CancelService } from './cancel.service';

/** The cancel route (API processes). Workers notice cancels through CancelWatchService. */
@Module({
  imports: [StatusModule],
  controllers: [CancelController],
  providers: [CancelRepository, CancelService],
})
export class CancelModule {}
