/** npx ts-node --transpile-only scripts/bench/print-count-sql.ts '<json body>': the count SQL of a request. */
import { countSql } from '../../src/awards-download/award-count.repository';
import { planCount } from '../../src/awards-download/awards-download.service';

const { keys, options } = planCount(JSON.parse(process.argv[2]), 'www.usaspending.gov');
console.log(countSql(keys, options));
