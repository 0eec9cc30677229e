#!/bin/sh
# Writes the Kubernetes manifests of version $1 into dist/, as `bun run build` does in the homelab repo.
set -eu
version=${1:?usage: build-manifests.sh VERSION}
mkdir -p dist
cat >dist/configmap.yaml <<YAML
apiVersion: v1
kind: ConfigMap
metadata:
  name: sample-app-config
data:
  version: "$version"
YAML
cat >dist/deployment.yaml <<YAML
apiVersion: apps/v1
kind: Deployment
metadata:
  name: sample-app
spec:
  replicas: 1
  selector:
    matchLabels:
      app: sample-app
  template:
    metadata:
      labels:
        app: sample-app
    spec:
      containers:
        - name: app
          image: ghcr.io/homelab/sample-app:$version
          ports:
            - name: http
              containerPort: 8080
YAML
echo "manifests: wrote dist/configmap.yaml dist/deployment.yaml for $version"
