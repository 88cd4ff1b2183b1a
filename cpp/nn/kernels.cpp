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

constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kLn2Hi = 6.93147180369123816490e-01;  // Cody–Waite split of ln 2
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kRound = 6755399441055744.0;  // 1.5·2⁵²: x + kRound rounds x to an integer

// e^y = 2ᵏ·(1 + p(r)) with y = k ln 2 + r, |r| <= ln2 / 2, and p(r) = expm1(r) by its Taylor
// series to r¹³/13! (error < 1e-17). Valid for y in [-708, 0]; the callers clamp.
struct ExpParts {
  v2d scale;  // 2ᵏ
  v2d p;      // expm1(r)
};
inline ExpParts exp_parts(v2d y) {
  const v2d shifted = y * splat(kInvLn2) + splat(kRound);
  const v2d k = shifted - splat(kRound);
  const v2d r = (y - k * splat(kLn2Hi)) - k * splat(kLn2Lo);
  v2d p = splat(1.0 / 6227020800.0);  // 1/13!
  constexpr double inv_fact[] = {1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                                 1.0 / 362880.0,    1.0 / 40320.0,    1.0 / 5040.0,
                                 1.0 / 720.0,       1.0 / 120.0,      1.0 / 24.0,
                                 1.0 / 6.0,         1.0 / 2.0,        1.0};
  for (double c : inv_fact) p = p * r + splat(c);
  // 2ᵏ from the integer sitting in the low bits of `shifted`
  const v2i bits = (as_int(shifted) - as_int(splat(kRound)) + 1023) << 52;
  return {as_double(bits), p * r};
}
// e^y - 1 without cancellation near 0.
inline v2d expm1_neg(v2d y) {
  const auto [scale, p] = exp_parts(y);
  return scale * p + (scale - splat(1.0));
}
inline v2d exp_neg(v2d y) {
  const auto [scale, p] = exp_parts(y);
  return scale * p + scale;
}

inline v2d abs(v2d x) { return as_double(as_int(x) & v2i{INT64_MAX, INT64_MAX}); }
inline v2d sign_bit(v2d x) { return as_double(as_int(x) & v2i{INT64_MIN, INT64_MIN}); }
inline v2d min(v2d a, v2d b) { return select(a < b, a, b); }

// tanh|x| = -expm1(-2|x|) / (2 + expm1(-2|x|)); |x| clamped at 20, where tanh is 1 in doubles.
inline v2d tanh2(v2d x) {
  const v2d ax = min(abs(x), splat(20.0));
  const v2d em = expm1_neg(splat(-2.0) * ax);
  const v2d t = -em / (splat(2.0) + em);
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

void axpy(double alpha, const double* x, double* y, std::size_t n) {
  const v2d a = splat(alpha);
  std::size_t k = 0;
  for (; k + 2 <= n; k += 2) store(y + k, load(y + k) + a * load(x + k));
  for (; k < n; ++k) y[k] += alpha * x[k];
}

namespace {

// out[k] = init + Σᵢ coef(i) · rows[i][k] for an 8-sample block held in four registers.
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

template <class Coef>
inline void combine_rows(const double* rows, std::size_t count, std::size_t n, Coef coef,
                         double init, double* out) {
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8) block8(rows + k, n, count, coef, init, out + k);
  for (; k < n; ++k) {  // the tail, same order of summation
    double s = init;
    for (std::size_t i = 0; i < count; ++i) s += coef(i) * rows[i * n + k];
    out[k] = s;
  }
}

}  // namespace

void affine(const double* W, const double* init, const double* a, double* out, std::size_t in,
            std::size_t out_units, std::size_t n) {
  for (std::size_t o = 0; o < out_units; ++o) {
    const double* w = W + o * in;
    combine_rows(a, in, n, [w](std::size_t i) { return w[i]; }, init[o], out + o * n);
  }
}

void affine_transposed(const double* W, const double* delta, double* out, std::size_t in,
                       std::size_t out_units, std::size_t n) {
  for (std::size_t i = 0; i < in; ++i) {
    const double* col = W + i;
    combine_rows(delta, out_units, n, [col, in](std::size_t o) { return col[o * in]; }, 0.0,
                 out + i * n);
  }
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
