import { Logger } from '@nestjs/common';

// Specs assert behaviour, not log lines; expected failures would otherwise flood the test output.
Logger.overrideLogger(false);
