// Ganglion's MuJoCo harness for the N-link swimmer (DeepMind Control Suite model).
//
// Builds the swimmer model for any number of links in memory, runs it in MuJoCo and prints
// a CSV in exactly the columns of `ganglion sim swimmer --csv`, so the two can be compared:
//   step,time,nose_x,nose_y,head_yaw,q0..q{n-2},u0..u{n-2}
// Each row is the state BEFORE the control step, then the control applied for 15 physics steps.
//
// Usage:
//   swimmer_harness ncap   LINKS STEPS [w_prop w_osc w_ipsi w_contra]   closed-loop 4-weight NCAP
//   swimmer_harness wave   LINKS STEPS                                  open-loop travelling wave
//   swimmer_harness replay LINKS < controls.csv                         replays the u columns of a CSV
//   swimmer_harness bench  LINKS PHYSICS_STEPS                          physics steps per second
//   swimmer_harness model  LINKS                                        prints the MJCF model
//   swimmer_harness consts LINKS                                        prints compiled model constants
#include <mujoco/mujoco.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SUBSTEPS 15       // 0.03 s control step / 0.002 s physics step
#define MAX_JOINTS 64

static double clamp01(double x) { return x < 0 ? 0 : (x > 1 ? 1 : x); }

// The dm_control swimmer (swimmer.xml + swimmer.py's make_model), without rendering assets.
static void write_model(FILE *f, int bodies) {
  double limit = 360.0 / bodies;
  fprintf(f,
      "<mujoco model=\"swimmer%d\">\n"
      "  <compiler angle=\"degree\"/>\n"
      "  <option timestep=\"0.002\" density=\"3000\"><flag contact=\"disable\"/></option>\n"
      "  <default>\n"
      "    <default class=\"swimmer\">\n"
      "      <joint type=\"hinge\" pos=\"0 -.05 0\" axis=\"0 0 1\" limited=\"true\" solreflimit=\".05 1\" solimplimit=\"0 .8 .1\" armature=\"1e-6\"/>\n"
      "      <default class=\"inertial\"><geom type=\"box\" size=\".001 .05 .01\" rgba=\"0 0 0 0\" mass=\".01\"/></default>\n"
      "      <default class=\"visual\"><geom type=\"capsule\" size=\".01\" fromto=\"0 -.05 0 0 .05 0\" mass=\"0\"/></default>\n"
      "      <site size=\".01\" rgba=\"0 0 0 0\"/>\n"
      "    </default>\n"
      "    <default class=\"free\"><joint limited=\"false\" stiffness=\"0\" armature=\"0\"/></default>\n"
      "    <motor gear=\"5e-4\" ctrllimited=\"true\" ctrlrange=\"-1 1\"/>\n"
      "  </default>\n"
      "  <worldbody>\n"
      "    <body name=\"head\" pos=\"0 0 .05\" childclass=\"swimmer\">\n"
      "      <geom name=\"head\" type=\"ellipsoid\" size=\".02 .04 .017\" pos=\"0 -.022 0\" mass=\"0\"/>\n"
      "      <geom name=\"nose\" type=\"sphere\" pos=\"0 -.06 0\" size=\".004\" mass=\"0\"/>\n"
      "      <joint name=\"rootx\" class=\"free\" type=\"slide\" axis=\"1 0 0\" pos=\"0 -.05 0\"/>\n"
      "      <joint name=\"rooty\" class=\"free\" type=\"slide\" axis=\"0 1 0\" pos=\"0 -.05 0\"/>\n"
      "      <joint name=\"rootz\" class=\"free\" type=\"hinge\" axis=\"0 0 1\" pos=\"0 -.05 0\"/>\n"
      "      <geom name=\"inertial\" class=\"inertial\"/>\n"
      "      <geom name=\"visual\" class=\"visual\"/>\n"
      "      <site name=\"head\"/>\n", bodies);
  for (int i = 0; i < bodies - 1; i++) {
    fprintf(f,
        "      <body name=\"segment_%d\" pos=\"0 .1 0\">\n"
        "        <geom class=\"visual\" name=\"visual_%d\"/>\n"
        "        <geom class=\"inertial\" name=\"inertial_%d\"/>\n"
        "        <site name=\"site_%d\"/>\n"
        "        <joint name=\"joint_%d\" range=\"%.17g %.17g\"/>\n", i, i, i, i, i, -limit, limit);
  }
  for (int i = 0; i < bodies - 1; i++) fprintf(f, "      </body>\n");
  fprintf(f, "    </body>\n  </worldbody>\n  <actuator>\n");
  for (int i = 0; i < bodies - 1; i++) fprintf(f, "    <motor name=\"motor_%d\" joint=\"joint_%d\"/>\n", i, i);
  fprintf(f, "  </actuator>\n</mujoco>\n");
}

static mjModel *load_model(int bodies) {
  char path[] = "/tmp/ganglion-swimmer-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) { perror("mkstemp"); exit(1); }
  FILE *f = fdopen(fd, "w");
  write_model(f, bodies);
  fclose(f);
  char err[1000] = "";
  mjModel *m = mj_loadXML(path, NULL, err, sizeof err);
  unlink(path);
  if (!m) { fprintf(stderr, "swimmer_harness: MuJoCo could not load the model: %s\n", err); exit(1); }
  return m;
}

static void ncap(const mjData *d, long t, int nj, const double w[4], double *u) {
  double limit = 2 * M_PI / (nj + 1);
  double w_prop = fmax(w[0], 0), w_osc = fmax(w[1], 0), w_ipsi = fmax(w[2], 0), w_contra = fmin(w[3], 0);
  int osc_dorsal = (t % 60) < 30;   // square wave, period 60 control steps
  for (int i = 0; i < nj; i++) {
    double bd, bv;
    if (i == 0) {
      bd = osc_dorsal * w_osc;
      bv = (!osc_dorsal) * w_osc;
    } else {
      double q = d->qpos[3 + i - 1] / limit;
      q = q < -1 ? -1 : (q > 1 ? 1 : q);
      bd = (q > 0 ? q : 0) * w_prop;
      bv = (q < 0 ? -q : 0) * w_prop;
    }
    bd = clamp01(bd);
    bv = clamp01(bv);
    u[i] = clamp01(w_ipsi * bd + w_contra * bv) - clamp01(w_ipsi * bv + w_contra * bd);
  }
}

static void print_header(int nj) {
  printf("step,time,nose_x,nose_y,head_yaw");
  for (int i = 0; i < nj; i++) printf(",q%d", i);
  for (int i = 0; i < nj; i++) printf(",u%d", i);
  printf("\n");
}

static void print_row(const mjModel *m, const mjData *d, long t, int nj, const double *u) {
  int nose = mj_name2id(m, mjOBJ_GEOM, "nose");
  printf("%ld,%.4f,%.9f,%.9f,%.9f", t, d->time, d->geom_xpos[3 * nose], d->geom_xpos[3 * nose + 1], d->qpos[2]);
  for (int i = 0; i < nj; i++) printf(",%.9f", d->qpos[3 + i]);
  for (int i = 0; i < nj; i++) printf(",%.9f", u[i]);
  printf("\n");
}

static void control_step(const mjModel *m, mjData *d, int nj, const double *u) {
  for (int i = 0; i < nj; i++) d->ctrl[i] = u[i];
  for (int s = 0; s < SUBSTEPS; s++) mj_step(m, d);
}

// Reads the next data row of a CSV with the columns above and returns its u values; 0 at end.
static int read_controls(FILE *in, int nj, double *u) {
  static char line[65536];
  while (fgets(line, sizeof line, in)) {
    if (line[0] < '0' || line[0] > '9') continue;   // header or blank
    char *p = line;
    int col = 0, want = 5 + nj;
    while (col < want && p) { p = strchr(p, ','); if (p) p++; col++; }
    if (!p) { fprintf(stderr, "swimmer_harness: row has fewer than %d columns: %s", 5 + 2 * nj, line); exit(2); }
    for (int i = 0; i < nj; i++) {
      char *end;
      u[i] = strtod(p, &end);
      if (end == p) { fprintf(stderr, "swimmer_harness: bad number in u%d: %s", i, line); exit(2); }
      p = end + (*end == ',');
    }
    return 1;
  }
  return 0;
}

static void usage(void) {
  fprintf(stderr,
      "usage: swimmer_harness ncap LINKS STEPS [w_prop w_osc w_ipsi w_contra]\n"
      "       swimmer_harness wave LINKS STEPS\n"
      "       swimmer_harness replay LINKS < controls.csv\n"
      "       swimmer_harness bench LINKS PHYSICS_STEPS\n"
      "       swimmer_harness model LINKS | consts LINKS\n");
  exit(2);
}

int main(int argc, char **argv) {
  if (argc < 3) usage();
  const char *mode = argv[1];
  int bodies = atoi(argv[2]);
  if (bodies < 3 || bodies > MAX_JOINTS) { fprintf(stderr, "swimmer_harness: LINKS must be 3..%d\n", MAX_JOINTS); return 2; }
  int nj = bodies - 1;
  if (!strcmp(mode, "model")) { write_model(stdout, bodies); return 0; }
  mjModel *m = load_model(bodies);
  mjData *d = mj_makeData(m);
  double u[MAX_JOINTS];
  if (!strcmp(mode, "consts")) {
    printf("dof,invweight0,armature\n");
    for (int i = 0; i < m->nv; i++) printf("%d,%.17g,%.17g\n", i, m->dof_invweight0[i], m->dof_armature[i]);
    printf("body,mass,inertia_x,inertia_y,inertia_z\n");
    for (int b = 1; b < m->nbody; b++)
      printf("%d,%.17g,%.17g,%.17g,%.17g\n", b, m->body_mass[b], m->body_inertia[3 * b], m->body_inertia[3 * b + 1], m->body_inertia[3 * b + 2]);
  } else if (!strcmp(mode, "bench")) {
    if (argc < 4) usage();
    long steps = atol(argv[3]);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long s = 0; s < steps; s++) {
      for (int i = 0; i < nj; i++) d->ctrl[i] = sin(0.01 * s + i);
      mj_step(m, d);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double sec = (b.tv_sec - a.tv_sec) + 1e-9 * (b.tv_nsec - a.tv_nsec);
    printf("links=%d physics_steps=%ld seconds=%.6f steps_per_s=%.0f\n", bodies, steps, sec, steps / sec);
  } else if (!strcmp(mode, "replay")) {
    print_header(nj);
    for (long t = 0; read_controls(stdin, nj, u); t++) {
      mj_forward(m, d);
      print_row(m, d, t, nj, u);
      control_step(m, d, nj, u);
    }
  } else if (!strcmp(mode, "ncap") || !strcmp(mode, "wave")) {
    if (argc < 4) usage();
    long steps = atol(argv[3]);
    double w[4] = {1, 1, 1, -1};
    if (argc >= 8) for (int i = 0; i < 4; i++) w[i] = atof(argv[4 + i]);
    print_header(nj);
    for (long t = 0; t < steps; t++) {
      mj_forward(m, d);
      if (mode[0] == 'n') {
        ncap(d, t, nj, w, u);
      } else {  // travelling wave: period 1.8 s, phase lag 2 pi / n_joints along the body
        for (int i = 0; i < nj; i++) u[i] = sin(2 * M_PI * (t * 0.03) / 1.8 - 2 * M_PI * i / nj);
      }
      print_row(m, d, t, nj, u);
      control_step(m, d, nj, u);
    }
  } else {
    usage();
  }
  mj_deleteData(d);
  mj_deleteModel(m);
  return 0;
}
