package io.loadgrid.common; final class Placeholder {}
