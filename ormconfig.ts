import { DataSource } from 'typeorm';
import { dataSourceOptions } from './src/database/data-source-options';

// TypeORM CLI entry (npm run migration:run / migration:generate): same options as the app.
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required for the TypeORM CLI');

export default new DataSource(dataSourceOptions(url));
