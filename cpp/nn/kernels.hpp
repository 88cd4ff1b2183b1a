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
/// out[k] = exp(-|z[k]|).
void exp_minus_abs(const double* z, double* out, std::size_t n);
/// out[k] = max(z[k], 0).
void relu(const double* z, double* out, std::size_t n);

/// Σₖ a[k]·b[k], summed in a fixed order (two 2-wide accumulators, then their lanes).
double dot(const double* a, const double* b, std::size_t n);
/// Σₖ a[k].
double sum(const double* a, std::size_t n);

/// The dense layer's product over a batch, layer-major: for every output o and sample k,
///   out[o·n + k] = init[o] + Σᵢ W[o·in + i] · a[i·n + k]       (i in index order)
/// with init = b (forward: z = W a + b). Samples are kept in registers across the sum over i.
void affine(const double* W, const double* init, const double* a, double* out, std::size_t in,
            std::size_t out_units, std::size_t n);

/// The backward product, layer-major: for every input i and sample k,
///   out[i·n + k] = Σₒ W[o·in + i] · delta[o·n + k]            (o in index order)
void affine_transposed(const double* W, const double* delta, double* out, std::size_t in,
                       std::size_t out_units, std::size_t n);

/// dW[o·in + i] = Σₖ delta[o·n + k] · a[i·n + k] (as dot()), four inputs at a time.
void outer_accumulate(const double* delta, const double* a, double* dW, std::size_t in,
                      std::size_t out_units, std::size_t n);

}  // namespace adagrad::nn::kernels
