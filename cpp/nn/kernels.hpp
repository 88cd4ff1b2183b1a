// The network's inner loops over a batch, written on 2-wide double vectors (GCC/Clang vector
// extensions: SSE2 natively, SIMD128 in WASM). Only + - * / and bit operations, no libm, so
// the native and WASM builds compute bit-identical results.
#pragma once

#include <cstddef>

namespace adagrad::nn::kernels {

/// out[k] = tanh(z[k]), within a few ulp of std::tanh.
void tanh(const double* z, double* out, std::size_t n);
/// out[k] = 1 / (1 + exp(-z[k])), within a few ulp.
void sigmoid(const double* z, double* out, std::size_t n);
/// out[k] = max(z[k], 0).
void relu(const double* z, double* out, std::size_t n);

/// Σₖ a[k]·b[k], summed in a fixed order (two 2-wide accumulators, then their lanes).
double dot(const double* a, const double* b, std::size_t n);
/// Σₖ a[k].
double sum(const double* a, std::size_t n);
/// y[k] += alpha · x[k].
void axpy(double alpha, const double* x, double* y, std::size_t n);

}  // namespace adagrad::nn::kernels
