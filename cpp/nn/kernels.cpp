#include "nn/kernels.hpp"

#include <cstdint>
#include <cstring>

namespace adagrad::nn::kernels {
namespace {

typedef double v2d __attribute__((vector_size(16)));
typedef std::int64_t v2i __attribute__((vector_size(16)));

inline v2d load(const double* p) {
  v2d v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(double* p, v2d v) { std::memcpy(p, &v, sizeof v); }
inline v2d splat(double x) { return v2d{x, x}; }
inline v2d as_double(v2i v) { return __builtin_bit_cast(v2d, v); }
inline v2i as_int(v2d v) { return __builtin_bit_cast(v2i, v); }
inline v2d select(v2i mask, v2d yes, v2d no) { return as_double((mask & as_int(yes)) | (~mask & as_int(no))); }

constexpr double kRound = 6755399441055744.0;  // 1.5·2⁵²: x + kRound rounds x to an integer
constexpr double kInvLn2Over32 = 0x1.71547652b82fep+5;  // 32 / ln 2
constexpr double kLn2Over32Hi = 0x1.62e42fe000000p-6;  // ln 2 / 32, Cody–Waite split: n·hi is exact
constexpr double kLn2Over32Lo = 0x1.f473de6af278fp-35;

// 2^(j/32) for j = 0 … 31 as hi + lo (hi the nearest double, lo the rest), from a 60-digit
// computation.
constexpr double kExp2Table[32][2] = {
    {0x1.0000000000000p+0, 0x0.0p+0},
    {0x1.059b0d3158574p+0, 0x1.d73e2a475b465p-55},
    {0x1.0b5586cf9890fp+0, 0x1.8a62e4adc610bp-54},
    {0x1.11301d0125b51p+0, -0x1.6c51039449b3ap-54},
    {0x1.172b83c7d517bp+0, -0x1.19041b9d78a76p-55},
    {0x1.1d4873168b9aap+0, 0x1.e016e00a2643cp-54},
    {0x1.2387a6e756238p+0, 0x1.9b07eb6c70573p-54},
    {0x1.29e9df51fdee1p+0, 0x1.612e8afad1255p-55},
    {0x1.306fe0a31b715p+0, 0x1.6f46ad23182e4p-55},
    {0x1.371a7373aa9cbp+0, -0x1.63aeabf42eae2p-54},
    {0x1.3dea64c123422p+0, 0x1.ada0911f09ebcp-55},
    {0x1.44e086061892dp+0, 0x1.89b7a04ef80d0p-59},
    {0x1.4bfdad5362a27p+0, 0x1.d4397afec42e2p-56},
    {0x1.5342b569d4f82p+0, -0x1.07abe1db13cadp-55},
    {0x1.5ab07dd485429p+0, 0x1.6324c054647adp-54},
    {0x1.6247eb03a5585p+0, -0x1.383c17e40b497p-54},
    {0x1.6a09e667f3bcdp+0, -0x1.bdd3413b26456p-54},
    {0x1.71f75e8ec5f74p+0, -0x1.16e4786887a99p-55},
    {0x1.7a11473eb0187p+0, -0x1.41577ee04992fp-55},
    {0x1.82589994cce13p+0, -0x1.d4c1dd41532d8p-54},
    {0x1.8ace5422aa0dbp+0, 0x1.6e9f156864b27p-54},
    {0x1.93737b0cdc5e5p+0, -0x1.75fc781b57ebcp-57},
    {0x1.9c49182a3f090p+0, 0x1.c7c46b071f2bep-56},
    {0x1.a5503b23e255dp+0, -0x1.d2f6edb8d41e1p-54},
    {0x1.ae89f995ad3adp+0, 0x1.7a1cd345dcc81p-54},
    {0x1.b7f76f2fb5e47p+0, -0x1.5584f7e54ac3bp-56},
    {0x1.c199bdd85529cp+0, 0x1.11065895048ddp-55},
    {0x1.cb720dcef9069p+0, 0x1.503cbd1e949dbp-56},
    {0x1.d5818dcfba487p+0, 0x1.2ed02d75b3707p-55},
    {0x1.dfc97337b9b5fp+0, -0x1.1a5cd4f184b5cp-54},
    {0x1.ea4afa2a490dap+0, -0x1.e9c23179c2893p-54},
    {0x1.f50765b6e4540p+0, 0x1.9d3e12dd8a18bp-54},
};

// e^y = 2ᵏ · 2^(j/32) · (1 + p(r)) with y = (32k + j) ln2/32 + r, |r| <= ln2/64, and
// p(r) = expm1(r) by its Taylor series to r⁷/7! (error < 2e-20). Valid for y in [-708, 0];
// the callers clamp. Returns 2ᵏ·2^(j/32) split as scale·(t_hi + t_lo) and p.
struct ExpParts {
  v2d scale;       // 2ᵏ
  v2d t_hi, t_lo;  // 2^(j/32)
  v2d p;           // expm1(r)
};
inline ExpParts exp_parts(v2d y) {
  const v2d shifted = y * splat(kInvLn2Over32) + splat(kRound);
  const v2d nf = shifted - splat(kRound);
  const v2d r = (y - nf * splat(kLn2Over32Hi)) - nf * splat(kLn2Over32Lo);
  // Coefficients as whole vectors, so they are operands in memory rather than splatted anew.
  static constexpr v2d c7 = {1.0 / 5040, 1.0 / 5040}, c6 = {1.0 / 720, 1.0 / 720},
                       c5 = {1.0 / 120, 1.0 / 120}, c4 = {1.0 / 24, 1.0 / 24},
                       c3 = {1.0 / 6, 1.0 / 6}, c2 = {0.5, 0.5}, c1 = {1.0, 1.0};
  const v2d p = (((((c7 * r + c6) * r + c5) * r + c4) * r + c3) * r + c2) * r + c1;
  const v2i n = as_int(shifted) - as_int(splat(kRound));  // the integer n = 32k + j
  const v2i j = n & 31, k = n >> 5;
  const v2d t_hi = {kExp2Table[j[0]][0], kExp2Table[j[1]][0]};
  const v2d t_lo = {kExp2Table[j[0]][1], kExp2Table[j[1]][1]};
  return {as_double((k + 1023) << 52), t_hi, t_lo, p * r};
}
// e^y - 1 without cancellation near 0: 2ᵏ t_hi - 1 is exact where it matters (Sterbenz).
inline v2d expm1_neg(v2d y) {
  const auto [scale, t_hi, t_lo, p] = exp_parts(y);
  return (scale * t_hi - splat(1.0)) + scale * (t_lo + t_hi * p);
}
inline v2d exp_neg(v2d y) {
  const auto [scale, t_hi, t_lo, p] = exp_parts(y);
  return scale * (t_hi + (t_lo + t_hi * p));
}

inline v2d abs(v2d x) { return as_double(as_int(x) & v2i{INT64_MAX, INT64_MAX}); }
inline v2d sign_bit(v2d x) { return as_double(as_int(x) & v2i{INT64_MIN, INT64_MIN}); }
inline v2d min(v2d a, v2d b) { return select(b < a, b, a); }  // a NaN a stays NaN

// tanh|x| = -expm1(-2|x|) / (2 + expm1(-2|x|)); |x| clamped at 20, where tanh is 1 in doubles.
inline v2d tanh2(v2d x) {
  const v2d ax = min(abs(x), splat(20.0));
  const v2d em = expm1_neg(splat(-2.0) * ax);
  const v2d t = abs(-em / (splat(2.0) + em));  // abs: tanh(+0) is +0, not -0
  return as_double(as_int(t) | as_int(sign_bit(x)));
}

// σ(z) = 1 / (1 + e⁻ᶻ) for z >= 0, e^z / (1 + e^z) = 1 - σ(|z|) for z < 0.
inline v2d sigmoid2(v2d z) {
  const v2d az = min(abs(z), splat(700.0));
  const v2d e = exp_neg(-az);  // e^-|z|
  const v2d s = splat(1.0) / (splat(1.0) + e);
  return select(z < splat(0.0), e * s, s);
}

template <class F>
inline void map(const double* z, double* out, std::size_t n, F f) {
  std::size_t k = 0;
  for (; k + 2 <= n; k += 2) store(out + k, f(load(z + k)));
  if (k < n) {
    double in[2] = {z[k], 0.0}, res[2];
    store(res, f(load(in)));
    out[k] = res[0];
  }
}

}  // namespace

void tanh(const double* z, double* out, std::size_t n) { map(z, out, n, tanh2); }
void sigmoid(const double* z, double* out, std::size_t n) { map(z, out, n, sigmoid2); }
void exp_minus_abs(const double* z, double* out, std::size_t n) {
  map(z, out, n, [](v2d x) { return exp_neg(-min(abs(x), splat(708.0))); });
}
void relu(const double* z, double* out, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) out[k] = z[k] > 0 ? z[k] : 0.0;
}

double dot(const double* a, const double* b, std::size_t n) {
  v2d s0 = splat(0.0), s1 = splat(0.0);
  std::size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    s0 += load(a + k) * load(b + k);
    s1 += load(a + k + 2) * load(b + k + 2);
  }
  double s = (s0[0] + s1[0]) + (s0[1] + s1[1]);
  for (; k < n; ++k) s += a[k] * b[k];
  return s;
}

double sum(const double* a, std::size_t n) {
  v2d s0 = splat(0.0), s1 = splat(0.0);
  std::size_t k = 0;
  for (; k + 4 <= n; k += 4) {
    s0 += load(a + k);
    s1 += load(a + k + 2);
  }
  double s = (s0[0] + s1[0]) + (s0[1] + s1[1]);
  for (; k < n; ++k) s += a[k];
  return s;
}


namespace {

// Two outputs at once over an 8-sample block, sharing every load of `rows`:
//   out0[k] = init0 + Σᵢ coef0(i) · rows[i][k],  out1[k] = init1 + Σᵢ coef1(i) · rows[i][k]
// (i in index order, so each output's sum is the same as computed alone).
template <class Coef0, class Coef1>
inline void block8x2(const double* rows, std::size_t stride, std::size_t count, Coef0 coef0,
                     Coef1 coef1, double init0, double init1, double* out0, double* out1) {
  v2d a0 = splat(init0), a1 = a0, a2 = a0, a3 = a0;
  v2d b0 = splat(init1), b1 = b0, b2 = b0, b3 = b0;
  for (std::size_t i = 0; i < count; ++i) {
    const double* r = rows + i * stride;
    const v2d r0 = load(r), r1 = load(r + 2), r2 = load(r + 4), r3 = load(r + 6);
    const v2d c = splat(coef0(i)), d = splat(coef1(i));
    a0 += c * r0;
    a1 += c * r1;
    a2 += c * r2;
    a3 += c * r3;
    b0 += d * r0;
    b1 += d * r1;
    b2 += d * r2;
    b3 += d * r3;
  }
  store(out0, a0);
  store(out0 + 2, a1);
  store(out0 + 4, a2);
  store(out0 + 6, a3);
  store(out1, b0);
  store(out1 + 2, b1);
  store(out1 + 4, b2);
  store(out1 + 6, b3);
}

template <class Coef>
inline void block8(const double* rows, std::size_t stride, std::size_t count, Coef coef,
                   double init, double* out) {
  v2d s0 = splat(init), s1 = s0, s2 = s0, s3 = s0;
  for (std::size_t i = 0; i < count; ++i) {
    const v2d c = splat(coef(i));
    const double* r = rows + i * stride;
    s0 += c * load(r);
    s1 += c * load(r + 2);
    s2 += c * load(r + 4);
    s3 += c * load(r + 6);
  }
  store(out, s0);
  store(out + 2, s1);
  store(out + 4, s2);
  store(out + 6, s3);
}

// The samples past the last whole block of 8, in the same order of summation.
template <class Coef>
inline void tail(const double* rows, std::size_t count, std::size_t n, std::size_t from, Coef coef,
                 double init, double* out) {
  for (std::size_t k = from; k < n; ++k) {
    double s = init;
    for (std::size_t i = 0; i < count; ++i) s += coef(i) * rows[i * n + k];
    out[k] = s;
  }
}

// out_j[k] = init(j) + Σᵢ coef(j, i) · rows[i][k] for j = 0 … units-1, two outputs at a time.
template <class Coef, class Init>
inline void combine(const double* rows, std::size_t count, std::size_t n, std::size_t units,
                    Coef coef, Init init, double* out) {
  const std::size_t whole = n - n % 8;
  std::size_t j = 0;
  for (; j + 2 <= units; j += 2) {
    const auto c0 = [&](std::size_t i) { return coef(j, i); };
    const auto c1 = [&](std::size_t i) { return coef(j + 1, i); };
    for (std::size_t k = 0; k < whole; k += 8)
      block8x2(rows + k, n, count, c0, c1, init(j), init(j + 1), out + j * n + k, out + (j + 1) * n + k);
    tail(rows, count, n, whole, c0, init(j), out + j * n);
    tail(rows, count, n, whole, c1, init(j + 1), out + (j + 1) * n);
  }
  for (; j < units; ++j) {
    const auto c = [&](std::size_t i) { return coef(j, i); };
    for (std::size_t k = 0; k < whole; k += 8) block8(rows + k, n, count, c, init(j), out + j * n + k);
    tail(rows, count, n, whole, c, init(j), out + j * n);
  }
}

}  // namespace

void affine(const double* W, const double* init, const double* a, double* out, std::size_t in,
            std::size_t out_units, std::size_t n) {
  combine(a, in, n, out_units, [W, in](std::size_t o, std::size_t i) { return W[o * in + i]; },
          [init](std::size_t o) { return init[o]; }, out);
}

void affine_transposed(const double* W, const double* delta, double* out, std::size_t in,
                       std::size_t out_units, std::size_t n) {
  combine(delta, out_units, n, in, [W, in](std::size_t i, std::size_t o) { return W[o * in + i]; },
          [](std::size_t) { return 0.0; }, out);
}

void outer_accumulate(const double* delta, const double* a, double* dW, std::size_t in,
                      std::size_t out_units, std::size_t n) {
  for (std::size_t o = 0; o < out_units; ++o) {
    const double* d = delta + o * n;
    std::size_t i = 0;
    for (; i + 4 <= in; i += 4) {  // four dot products sharing each load of d
      const double* a0 = a + i * n;
      v2d s[4][2] = {};
      std::size_t k = 0;
      for (; k + 4 <= n; k += 4) {
        const v2d d0 = load(d + k), d1 = load(d + k + 2);
        for (std::size_t j = 0; j < 4; ++j) {
          s[j][0] += d0 * load(a0 + j * n + k);
          s[j][1] += d1 * load(a0 + j * n + k + 2);
        }
      }
      for (std::size_t j = 0; j < 4; ++j) {
        double t = (s[j][0][0] + s[j][1][0]) + (s[j][0][1] + s[j][1][1]);
        for (std::size_t kk = k; kk < n; ++kk) t += d[kk] * a0[j * n + kk];
        dW[o * in + i + j] = t;
      }
    }
    for (; i < in; ++i) dW[o * in + i] = dot(d, a + i * n, n);
  }
}

}  // namespace adagrad::nn::kernels
