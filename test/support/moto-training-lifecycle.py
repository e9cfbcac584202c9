"""moto's server with a SageMaker training-job lifecycle, for dagstudio's integration tests.

Why this exists: moto 5.2 creates every training job already `Completed` and does not implement
StopTrainingJob, so a task that waits on a job, logs its transitions and stops it on cancel cannot be
exercised against stock moto. This adds, with moto's own state manager (the documented
`/moto-api/state-manager/set-transition` API, model name `sagemaker::training_job`):

- a job starts `InProgress`/`Starting` and walks Starting -> Downloading -> Training -> Uploading ->
  Completed, one step per DescribeTrainingJob under `{"progression": "manual", "times": 1}`
  (all at once under moto's default `immediate`);
- StopTrainingJob: an `InProgress` job becomes `Stopping`, and `Stopped` at the next describe; a job that
  already ended is refused with ValidationException, as SageMaker does;
- POST /moto-api/dagstudio/sagemaker/fail-training-job {"TrainingJobName", "FailureReason", "Region"?}:
  the job ends `Failed` with that reason at its next describe (SageMaker's failures cannot be provoked
  through the API itself).

Everything else is stock moto; run it with moto_server's own arguments (-H HOST -p PORT).
"""

import json
import sys
import threading

from moto.core import DEFAULT_ACCOUNT_ID
from moto.core.responses import EmptyResult
from moto.core.utils import utcnow
from moto.moto_api import state_manager
from moto.moto_api._internal import urls as moto_api_urls
from moto.moto_api._internal.managed_state_model import ManagedState
from moto.sagemaker import models as sagemaker_models
from moto.sagemaker.exceptions import ValidationError
from moto.sagemaker.responses import SageMakerResponse
from moto.server import main

MODEL_NAME = "sagemaker::training_job"
PHASES = ["Starting", "Downloading", "Training", "Uploading", "Completed"]
MESSAGES = {
    "Starting": "Preparing the instances for training",
    "Downloading": "Downloading input data",
    "Training": "Training image download completed. Training in progress.",
    "Uploading": "Uploading generated training model",
    "Completed": "Training job completed",
    "Stopping": "Stopping the training job",
    "Stopped": "The training job was stopped",
    "Failed": "Training job failed",
}
ENDED = {"Completed", "Failed", "Stopped"}

state_manager.register_default_transition(MODEL_NAME, transition={"progression": "immediate"})

_lock = threading.Lock()
# Kept outside the job objects: moto serialises a job's whole __dict__ into DescribeTrainingJob.
_phases: dict[str, ManagedState] = {}
_pending_failures: dict[str, str] = {}
_final_artifacts: dict[str, dict] = {}

FakeTrainingJob = sagemaker_models.FakeTrainingJob


class LifecycleTrainingJob(FakeTrainingJob):
    # moto's model registry files every model under the service named by its module.
    __module__ = "moto.sagemaker.models"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        now = utcnow()
        self.training_job_status = "InProgress"
        self.secondary_status = "Starting"
        self.secondary_status_transitions = [
            {"Status": "Starting", "StartTime": now, "StatusMessage": MESSAGES["Starting"]}
        ]
        self.training_end_time = None
        self.final_metric_data_list = None
        self.failure_reason = None
        _final_artifacts[self.arn] = self.model_artifacts
        self.model_artifacts = None
        _phases[self.arn] = ManagedState(MODEL_NAME, list(zip(PHASES, PHASES[1:])))

    def enter(self, secondary, status):
        now = utcnow()
        if self.secondary_status_transitions:
            self.secondary_status_transitions[-1]["EndTime"] = now
        self.secondary_status_transitions.append(
            {"Status": secondary, "StartTime": now, "StatusMessage": MESSAGES[secondary]}
        )
        self.secondary_status = secondary
        self.training_job_status = status
        self.last_modified_time = now
        if status in ENDED:
            self.training_end_time = now
            self.secondary_status_transitions[-1]["EndTime"] = now

    def refresh(self):
        """Moves the job along its lifecycle; called once per DescribeTrainingJob."""
        if self.training_job_status in ENDED:
            return
        reason = _pending_failures.pop(self.arn, None)
        if reason is not None:
            self.failure_reason = reason
            self.enter("Failed", "Failed")
            return
        if self.training_job_status == "Stopping":
            self.enter("Stopped", "Stopped")
            return
        phases = _phases[self.arn]
        phases.advance()
        phase = phases.status
        if phase == self.secondary_status:
            return
        # Under `immediate` the state jumps to the end; log the phases passed on the way, as SageMaker would.
        for step in PHASES[PHASES.index(self.secondary_status) + 1 : PHASES.index(phase) + 1]:
            self.enter(step, "Completed" if step == "Completed" else "InProgress")
        if phase == "Completed":
            self.model_artifacts = _final_artifacts[self.arn]

    def stop(self):
        if self.training_job_status != "InProgress":
            raise ValidationError(
                message=f"The request was rejected because the training job is in status {self.training_job_status}."
            )
        self.enter("Stopping", "Stopping")


def _find(backend, name):
    job = backend.training_jobs.get(name)
    if job is None:
        arn = FakeTrainingJob.arn_formatter(name, backend.account_id, backend.region_name)
        raise ValidationError(message=f"Could not find training job '{arn}'.")
    return job


_original_describe = sagemaker_models.SageMakerModelBackend.describe_training_job


def describe_training_job(self, training_job_name):
    with _lock:
        job = self.training_jobs.get(training_job_name)
        if isinstance(job, LifecycleTrainingJob):
            job.refresh()
        return _original_describe(self, training_job_name)


def stop_training_job_backend(self, training_job_name):
    with _lock:
        _find(self, training_job_name).stop()


def stop_training_job_action(self):
    self.sagemaker_backend.stop_training_job(self._get_param("TrainingJobName"))
    return EmptyResult()


def fail_training_job(request, full_url, headers):
    if request.method != "POST":
        return 400, {}, json.dumps({"Error": "POST a JSON body"})
    body = json.loads(request.get_data() or b"{}")
    region = body.get("Region", "us-east-1")
    backend = sagemaker_models.sagemaker_backends[DEFAULT_ACCOUNT_ID][region]
    with _lock:
        job = _find(backend, body["TrainingJobName"])
        _pending_failures[job.arn] = body.get("FailureReason", "AlgorithmError: the training script failed")
    return 200, {}, json.dumps({"status": "ok"})


sagemaker_models.FakeTrainingJob = LifecycleTrainingJob
sagemaker_models.SageMakerModelBackend.describe_training_job = describe_training_job
sagemaker_models.SageMakerModelBackend.stop_training_job = stop_training_job_backend
SageMakerResponse.stop_training_job = stop_training_job_action
moto_api_urls.url_paths["{0}/moto-api/dagstudio/sagemaker/fail-training-job"] = fail_training_job

if __name__ == "__main__":
    main(sys.argv[1:])
