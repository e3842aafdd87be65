package org.nb201.train.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default initialisation of the time (PyTorch {@code torch/nn/modules/conv.py::_ConvNd.reset_parameters},
 * {@code linear.py::Linear.reset_parameters}, {@code batchnorm.py::_NormBase.reset_parameters}; AutoDL-Projects adds
 * no custom init; see docs/network-and-protocol.md#initialisation): convolution and linear weights
 * Kaiming-uniform with a = sqrt(5), i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in)); linear bias
 * U(+-1/sqrt(fan_in)) with the weight's fan_in (convolution biases too, set by {@link ReLUConvBN});
 * batch norm gamma 1, beta 0, running mean 0, var 1.
 * Random numbers come from the engine, so {@code Engine.setRandomSeed} makes it reproducible.
 */
public final class PyTorchInit {
  private PyTorchInit() {}

  /** Sets the initialisers of every parameter of {@code net}. */
  static void apply(MacroNetwork net) {
    net.setInitializer(new FanInUniform(), Parameter.Type.WEIGHT);
    net.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
    net.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
    net.setInitializer(Initializer.ZEROS, Parameter.Type.RUNNING_MEAN);
    net.setInitializer(Initializer.ONES, Parameter.Type.RUNNING_VAR);
    AbstractBlock classifier = net.classifier();
    long fanIn = net.shape().channels() * 4L;
    classifier.setInitializer(new Uniform(1.0 / Math.sqrt(fanIn)), Parameter.Type.BIAS);
  }

  /** The fan-in of a weight of shape (out, in, k...) as PyTorch computes it. */
  static long fanIn(Shape shape) {
    long fan = shape.get(1);
    for (int i = 2; i < shape.dimension(); i++) {
      fan *= shape.get(i);
    }
    return fan;
  }

  /** U(+-1/sqrt(fan_in)) for a weight tensor. */
  static final class FanInUniform implements Initializer {
    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
      float bound = (float) (1.0 / Math.sqrt(fanIn(shape)));
      return manager.randomUniform(-bound, bound, shape, dataType);
    }
  }

  /** U(-bound, bound). */
  static final class Uniform implements Initializer {
    private final float bound;

    Uniform(double bound) {
      this.bound = (float) bound;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
      return manager.randomUniform(-bound, bound, shape, dataType);
    }
  }
}
