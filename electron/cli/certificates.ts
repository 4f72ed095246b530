// `npm run certificates -- [--out FOLDER] [--clinic NAME] [--name HOST]...`: the clinic's certificate authority
// and a server certificate for this machine, for `npm run serve -- --host … --tls-cert … --tls-key …`.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultServerNames, writeCertificates } from '../tls/certificate-files';

const USAGE = `Usage: npm run certificates -- [--out FOLDER] [--clinic NAME] [--name HOST_OR_ADDRESS]...
  --out FOLDER   where the files go (default: ./certificates). Keep clinic-ca.key and server.key private.
  --clinic NAME  the clinic's name, shown in the authority's certificate (default "Clinic").
  --name X       a host name or IP address workstations use to reach this server; repeat for each.
                 Default: this computer's name, localhost and every address it has now.`;

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string', default: 'certificates' },
        clinic: { type: 'string', default: 'Clinic' },
        name: { type: 'string', multiple: true },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const names = args.name?.length ? args.name : defaultServerNames();
  try {
    const written = writeCertificates(resolve(args.out), { clinicName: args.clinic, names });
    console.log(
      [
        written.authorityCreated ? `Created the clinic's certificate authority in ${written.folder}.` : `Used the clinic's existing certificate authority in ${written.folder}.`,
        `Server certificate for: ${written.names.join(', ')}`,
        '',
        'Start the server with:',
        `  npm run serve -- --host 0.0.0.0 --tls-cert "${written.paths.serverCert}" --tls-key "${written.paths.serverKey}"`,
        `Then install ${written.paths.authorityCert} as a trusted authority on each workstation (README: "TLS on the clinic network").`,
        `Keep ${written.paths.authorityKey} private and backed up: it signs the next server certificate.`,
      ].join('\n'),
    );
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
}

process.exitCode = main();
