#include "nn/boundary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/check.hpp"

namespace adagrad::nn {
namespace {

typedef float v4f __attribute__((vector_size(16)));
typedef std::int32_t v4i __attribute__((vector_size(16)));

inline v4f load(const float* p) {
  v4f v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(float* p, v4f v) { std::memcpy(p, &v, sizeof v); }
inline v4f splat(float x) { return v4f{x, x, x, x}; }
inline v4f as_float(v4i v) { return __builtin_bit_cast(v4f, v); }
inline v4i as_int(v4f v) { return __builtin_bit_cast(v4i, v); }
inline v4f select(v4i mask, v4f yes, v4f no) { return as_float((mask & as_int(yes)) | (~mask & as_int(no))); }
inline v4f abs(v4f x) { return as_float(as_int(x) & v4i{INT32_MAX, INT32_MAX, INT32_MAX, INT32_MAX}); }
inline v4f min(v4f a, v4f b) { return select(b < a, b, a); }

// e^y for y in [-88, 0]: y = k ln2 + r, |r| <= ln2/2, e^r by its Taylor series to r⁶/6!
// (relative error < 2e-7, about float's own precision).
inline v4f exp_neg(v4f y) {
  const v4f shifted = y * splat(1.44269504f) + splat(12582912.0f);  // 1.5·2²³ rounds to an integer
  const v4f k = shifted - splat(12582912.0f);
  const v4f r = (y - k * splat(0.693359375f)) - k * splat(-2.12194440e-4f);
  const v4f p = splat(1.0f) + r * (splat(1.0f) + r * (splat(0.5f) + r * (splat(1.0f / 6) +
                r * (splat(1.0f / 24) + r * (splat(1.0f / 120) + r * splat(1.0f / 720))))));
  const v4i bits = (as_int(shifted) - as_int(splat(12582912.0f)) + 127) << 23;  // 2ᵏ
  return p * as_float(bits);
}

// tanh x = sign(x) (1 - e) / (1 + e) with e = e^(-2|x|), |x| clamped at 9 where tanh is 1 in floats.
inline v4f tanh4(v4f x) {
  const v4f e = exp_neg(splat(-2.0f) * min(abs(x), splat(9.0f)));
  const v4f t = (splat(1.0f) - e) / (splat(1.0f) + e);
  return as_float(as_int(t) | (as_int(x) & v4i{INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN}));
}

inline v4f sigmoid4(v4f z) {
  const v4f e = exp_neg(-min(abs(z), splat(80.0f)));
  const v4f s = splat(1.0f) / (splat(1.0f) + e);
  return select(z < splat(0.0f), e * s, s);
}

// out[o·n + k] = b[o] + Σᵢ W[o·in + i] · a[i·n + k], 16 samples in registers (n a multiple of 16).
void affine(const float* W, const float* b, const float* a, float* out, std::size_t in,
            std::size_t out_units, std::size_t n) {
  for (std::size_t o = 0; o < out_units; ++o)
    for (std::size_t k = 0; k < n; k += 16) {
      v4f s0 = splat(b[o]), s1 = s0, s2 = s0, s3 = s0;
      for (std::size_t i = 0; i < in; ++i) {
        const v4f w = splat(W[o * in + i]);
        const float* r = a + i * n + k;
        s0 += w * load(r);
        s1 += w * load(r + 4);
        s2 += w * load(r + 8);
        s3 += w * load(r + 12);
      }
      float* z = out + o * n + k;
      store(z, s0);
      store(z + 4, s1);
      store(z + 8, s2);
      store(z + 12, s3);
    }
}

template <class F>
void map(float* z, std::size_t n, F f) {
  for (std::size_t k = 0; k < n; k += 4) store(z + k, f(load(z + k)));
}

}  // namespace

void boundary_grid(const Mlp& net, const Grid& g, std::span<float> out) {
  if (net.num_inputs() != 2)
    fail("boundary_grid needs a network with 2 inputs, got " + std::to_string(net.num_inputs()));
  g.validate();
  require_same_size("out", out.size(), "nx × ny", g.size());
  const auto& layers = net.options().layers;
  const std::size_t L = layers.size() - 1;
  std::vector<float> w(net.params().begin(), net.params().end());  // the weights, rounded once
  constexpr std::size_t kChunk = 512;  // samples per pass: a multiple of 16
  std::size_t widest = 0;
  for (auto width : layers) widest = std::max<std::size_t>(widest, static_cast<std::size_t>(width));
  std::vector<float> cur(widest * kChunk), next(widest * kChunk);
  const auto nx = static_cast<std::size_t>(g.nx);
  for (std::size_t start = 0; start < out.size(); start += kChunk) {
    const std::size_t m = std::min(kChunk, out.size() - start);
    for (std::size_t k = 0; k < kChunk; ++k) {  // the chunk's cell centres, a row per input
      const std::size_t cell = start + std::min(k, m - 1);  // pad the last chunk by repeating
      cur[k] = static_cast<float>(g.x_at(cell % nx));
      cur[kChunk + k] = static_cast<float>(g.y_at(cell / nx));
    }
    for (std::size_t l = 0; l < L; ++l) {
      const auto in = static_cast<std::size_t>(layers[l]), units = static_cast<std::size_t>(layers[l + 1]);
      affine(&w[net.weight_offset(l)], &w[net.bias_offset(l)], cur.data(), next.data(), in, units, kChunk);
      float* z = next.data();
      if (l + 1 == L) map(z, units * kChunk, sigmoid4);
      else switch (net.options().activation) {
        case Activation::relu: map(z, units * kChunk, [](v4f v) { return select(v > splat(0.0f), v, splat(0.0f)); }); break;
        case Activation::tanh: map(z, units * kChunk, tanh4); break;
        case Activation::sigmoid: map(z, units * kChunk, sigmoid4); break;
        case Activation::linear: break;
      }
      std::swap(cur, next);
    }
    for (std::size_t k = 0; k < m; ++k) out[start + k] = cur[k];
  }
  // Weights past float's range (an η of 1e300 can put them there while the double-precision
  // loss stays finite) give inf - inf = nan in single precision. Then the picture is drawn from
  // the exact double-precision forward pass, which refuses only if it overflows too.
  if (std::any_of(out.begin(), out.end(), [](float p) { return std::isnan(p); })) {
    Mlp exact = net;  // predict_grid needs its own workspace; a rare path
    std::vector<double> p(out.size());
    exact.predict_grid(g, p);
    std::copy(p.begin(), p.end(), out.begin());
  }
}

}  // namespace adagrad::nn
