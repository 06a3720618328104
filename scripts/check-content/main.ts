import { checkCourse, parseEnv, writeEnvSchema } from '@lm/shared';
import { readDotenv } from '../lib/read-dotenv.js';
import { formatCourseReport } from './format-course-report.js';
import { readSiteCourse } from './read-site-course.js';

/**
 * `npm run check:content`: runs the course checks the CMS applies on publish over the whole site
 * (drafts included) in the Strapi that .env points at, prints one line per problem, and exits 1
 * when there is an error.
 */
async function main(): Promise<void> {
  const env = parseEnv(writeEnvSchema, readDotenv(), '[check]');
  const data = await readSiteCourse(env);
  const report = checkCourse(data);
  console.log(formatCourseReport(report, { modules: data.modules.length, pages: data.pages.length }));
  if (report.errors.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof Error && error.cause !== undefined) console.error(error.cause);
  process.exitCode = 2;
});
