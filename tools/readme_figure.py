"""Draw nbs/images/sample.png, the README picture: one frame of each species of the shipped sample."""
import pandas as pd, matplotlib; matplotlib.use('Agg')
import matplotlib.pyplot as plt
from pathlib import Path
from PIL import Image

root = Path(__file__).resolve().parent.parent
smp = root/'sample_data'/'missouri'
df = pd.read_csv(smp/'labels.csv')
picks = df.groupby('species').nth(2).head(12)
fig, axs = plt.subplots(2, 6, figsize=(15, 5.6))
for ax, (_, r) in zip(axs.flat, picks.iterrows()):
    ax.imshow(Image.open(smp/r.filepath)); ax.set_title(r.species.replace("_", " "), fontsize=11); ax.axis('off')
fig.suptitle('Missouri Camera Traps sample shipped with camtrap (Zhang et al. 2016, CDLA-Permissive-1.0)', fontsize=11)
fig.tight_layout(); (root/'nbs'/'images').mkdir(exist_ok=True)
fig.savefig(root/'nbs'/'images'/'sample.png', dpi=80)
